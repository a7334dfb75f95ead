import type { Metadata } from "next";
import { requireArea } from "@/lib/server/auth/page-guard";
import { getBoardOverview } from "@/lib/server/planning/get-board-overview";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Planning board" };

const STATUS_TONE = { running: "good", idle: "neutral", down: "bad", maintenance: "warn" } as const;

export default async function BoardPage() {
  const actor = await requireArea("board", "/board");
  const { lines, jobsByStatus } = await getBoardOverview(actor);
  return (
    <>
      <PageHeader title="Planning board" description={`${lines.length} lines · ${jobsByStatus.ready ?? 0} jobs ready · ${jobsByStatus.waiting_parts ?? 0} waiting for parts`} />
      <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-4">
        {lines.map((line) => (
          <Card key={line.id} className="p-4" data-testid="board-line">
            <div className="flex items-center justify-between">
              <div className="font-semibold">{line.code}</div>
              <div className="flex gap-1">
                <Badge tone={line.online ? "good" : "neutral"}>{line.online ? "online" : "offline"}</Badge>
                <Badge tone={STATUS_TONE[line.status]}>{line.status}</Badge>
              </div>
            </div>
            <div className="text-sm text-slate-600">{line.name}</div>
            <div className="mt-2 flex flex-wrap gap-1">
              {line.capabilities.map((capability) => (
                <span key={capability} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
                  {capability}
                </span>
              ))}
            </div>
            <div className="mt-2 text-xs text-slate-500">
              speed ×{line.speed} · {line.timeZone}
              {line.currentFamily ? ` · set up for ${line.currentFamily}` : ""}
            </div>
          </Card>
        ))}
      </div>
    </>
  );
}
