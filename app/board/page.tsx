import type { Metadata } from "next";
import Link from "next/link";
import { requireArea } from "@/lib/server/auth/page-guard";
import { listLinesLive } from "@/lib/server/lines/list-lines-live";
import { getBoard } from "@/lib/server/planning/get-board";
import { LineLiveGrid } from "@/components/lines/line-live-grid";
import { BoardView } from "@/components/board/board-view";
import type { Board } from "@/components/board/board-types";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Planning board" };

export default async function BoardPage() {
  const actor = await requireArea("board", "/board");
  const [board, live] = await Promise.all([getBoard(actor), listLinesLive(actor)]);
  return (
    <div className="-mx-2 sm:-mx-4">
      <PageHeader
        title="Planning board"
        description={
          <>
            Drag jobs between lines and times, lock them, run the scheduler, publish. Double-click a job for its card.{" "}
            <Link href="/lines/manage" className="text-brand-600 hover:underline">
              Lines and calendars
            </Link>
          </>
        }
      />
      <BoardView initial={board as Board} />
      <section aria-labelledby="lines-now" className="mt-8">
        <h2 id="lines-now" className="mb-3 text-lg font-semibold">
          Lines right now
        </h2>
        <LineLiveGrid initial={live} />
      </section>
    </div>
  );
}
