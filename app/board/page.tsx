import type { Metadata } from "next";
import { requireArea } from "@/lib/server/auth/page-guard";
import { getBoardOverview } from "@/lib/server/planning/get-board-overview";
import { listLinesLive } from "@/lib/server/lines/list-lines-live";
import { LineLiveGrid } from "@/components/lines/line-live-grid";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Planning board" };

export default async function BoardPage() {
  const actor = await requireArea("board", "/board");
  const [{ lines, jobsByStatus }, live] = await Promise.all([getBoardOverview(actor), listLinesLive(actor)]);
  return (
    <>
      <PageHeader title="Planning board" description={`${lines.length} lines · ${jobsByStatus.ready ?? 0} jobs ready · ${jobsByStatus.waiting_parts ?? 0} waiting for parts`} />
      <LineLiveGrid initial={live} />
    </>
  );
}
