"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { JobProgressBar } from "./job-progress-bar";
import type { LinesLive } from "./line-live-types";
import { LineStatusBadges, timeAgo } from "./line-status-badges";
import { useLiveLines } from "./use-live-lines";
import { useNow } from "./use-now";

/** The board's line cards, live: connection, status, the job on the line, queue and last event. */
export function LineLiveGrid({ initial }: { initial: LinesLive }) {
  const { lines, notices, dismiss } = useLiveLines(initial);
  const now = useNow();
  return (
    <div className="space-y-3">
      {notices.map((notice) => (
        <div key={notice.lineId} className="flex items-center gap-2" data-testid="line-offline-notice">
          <div className="flex-1">
            <Alert tone="error">
              Line {notice.code} went offline at {new Date(notice.at).toLocaleTimeString()}.
            </Alert>
          </div>
          <button type="button" className="text-xs text-slate-500 hover:underline" onClick={() => dismiss(notice.lineId)}>
            dismiss
          </button>
        </div>
      ))}
      <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-4">
        {lines.map((line) => (
          <Card key={line.id} className="p-4" data-testid="board-line" data-line-code={line.code}>
            <div className="flex items-center justify-between">
              <Link href={`/lines/${line.id}`} className="font-semibold hover:underline">
                {line.code}
              </Link>
              <LineStatusBadges line={line} />
            </div>
            <div className="text-sm text-slate-600">{line.name}</div>
            {line.statusReason ? <div className="mt-1 text-xs text-slate-500">{line.statusReason}</div> : null}
            <div className="mt-3 min-h-12">
              {line.currentJob ? (
                <>
                  <div className="mb-1 text-sm font-medium">{line.currentJob.code}</div>
                  <JobProgressBar {...line.currentJob} />
                </>
              ) : (
                <div className="text-sm text-slate-400">no job on the line</div>
              )}
            </div>
            <div className="mt-2 flex flex-wrap justify-between gap-1 text-xs text-slate-500">
              <span>{line.queueLength} queued</span>
              <span title={line.lastEventAt ?? undefined}>last event {timeAgo(line.lastEventAt, now)}</span>
            </div>
            <div className="mt-1 text-xs text-slate-400">
              speed ×{line.speed} · {line.timeZone}
              {line.currentFamily ? ` · set up for ${line.currentFamily}` : ""}
              {line.ackedPlanVersion !== null ? ` · plan v${line.ackedPlanVersion}` : ""}
            </div>
          </Card>
        ))}
      </div>
    </div>
  );
}
