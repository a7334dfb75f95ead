"use client";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { BoardJobDetails, BoardLine, PlanningJob } from "./board-types";

const format = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
const at = (ms: number | null) => (ms === null ? "—" : `${format.format(ms)} UTC`);

/** Everything about one job, with its picture, and lock / unlock / back to backlog. */
export function JobCard(props: {
  job: PlanningJob;
  details: BoardJobDetails | undefined;
  line: BoardLine | undefined;
  pending: boolean;
  onLock: (locked: boolean) => void;
  onBacklog: () => void;
  onClose: () => void;
}) {
  const { job, details } = props;
  const late = job.end !== null && job.end > job.due;
  return (
    <Dialog open onOpenChange={(open) => !open && props.onClose()} title={`${job.code} · ${details?.productName ?? job.family}`} description={details?.orderNumber ? `Order ${details.orderNumber}` : undefined}>
      <div className="grid gap-4 sm:grid-cols-[140px_1fr]">
        {details?.orderId ? (
          // eslint-disable-next-line @next/next/no-img-element -- an SVG we render per job; no optimization to gain
          <img src={`/api/jobs/${job.id}/preview.svg`} alt={`What ${job.code} makes`} className="h-40 w-full rounded-lg bg-slate-50 object-contain" />
        ) : (
          <div className="h-40 rounded-lg bg-slate-50" />
        )}
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-slate-500">Status</dt>
          <dd>{job.status.replace("_", " ")}{job.locked ? " · locked" : ""}</dd>
          <dt className="text-slate-500">Line</dt>
          <dd>{props.line ? `${props.line.code} ${props.line.name}` : "not planned"}</dd>
          <dt className="text-slate-500">Planned</dt>
          <dd>{at(job.start)} → {at(job.end)}{job.setupMinutes ? ` (setup ${job.setupMinutes} min)` : ""}</dd>
          <dt className="text-slate-500">Release</dt>
          <dd>{at(job.release)}</dd>
          <dt className="text-slate-500">Due</dt>
          <dd className={late ? "font-medium text-red-700" : ""}>{at(job.due)}{late ? " · late" : ""}</dd>
          <dt className="text-slate-500">Parts</dt>
          <dd>{details?.partsStatus ?? "—"}</dd>
          <dt className="text-slate-500">Work</dt>
          <dd>{job.minutes} min at speed 1 · {job.family} · needs {job.requires.join(", ")}</dd>
        </dl>
      </div>
      {details?.configuration ? (
        <p className="mt-3 text-xs text-slate-600">
          {Object.entries(details.configuration)
            .map(([group, value]) => `${group}: ${Array.isArray(value) ? value.join("+") : String(value)}`)
            .join(" · ")}
        </p>
      ) : null}
      <div className="mt-4 flex justify-end gap-2">
        {job.lineId && ["scheduled", "queued"].includes(job.status) ? (
          <Button variant="secondary" size="sm" disabled={props.pending} onClick={() => props.onLock(!job.locked)}>
            {job.locked ? "Unlock" : "Lock here"}
          </Button>
        ) : null}
        {job.lineId && !job.locked && ["scheduled", "queued"].includes(job.status) ? (
          <Button variant="secondary" size="sm" disabled={props.pending} onClick={props.onBacklog}>
            Back to backlog
          </Button>
        ) : null}
        <Button size="sm" onClick={props.onClose}>
          Close
        </Button>
      </div>
    </Dialog>
  );
}
