import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { can } from "@/lib/core/policy";
import { requireArea } from "@/lib/server/auth/page-guard";
import { AppError } from "@/lib/server/errors";
import { getLineDetail } from "@/lib/server/lines/get-line-detail";
import { LineLivePanel } from "@/components/lines/line-live-panel";
import { LineOeeChart } from "@/components/lines/line-oee-chart";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Line" };

type Props = { params: Promise<{ lineId: string }> };

export default async function LinePage({ params }: Props) {
  const { lineId } = await params;
  const actor = await requireArea("board", `/lines/${encodeURIComponent(lineId)}`);
  const detail = await getLineDetail(actor, lineId.slice(0, 64)).catch((error) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  return (
    <>
      <PageHeader
        title={`${detail.line.code} · ${detail.line.name}`}
        description={
          <>
            <Link href="/board" className="text-brand-600 hover:underline">
              Board
            </Link>{" "}
            · speed ×{detail.line.speed} · {detail.line.timeZone}
            {detail.line.currentFamily ? ` · set up for ${detail.line.currentFamily}` : ""}
          </>
        }
      />
      <div className="space-y-4">
        <LineLivePanel initial={detail} canCommand={can(actor, "line.command", { manufacturerId: detail.line.manufacturerId })} />
        <LineOeeChart lineId={detail.line.id} />
      </div>
    </>
  );
}
