import { protocolError, type EventAck, type LineEvent } from "@/lib/core/line-protocol";
import { applyLineEvent, type JobState, type LineState } from "@/lib/core/production/apply-line-event";

export type IncomingEvent = { lineId: string; event: LineEvent };
export type LineRow = LineState & { manufacturerId: string };
export type JobRow = JobState & { code: string; orderId: string | null; manufacturerId: string };
export type EventRow = { lineId: string; seq: number; agentAt: Date; type: string; jobId: string | null; payload: Record<string, unknown> };

export type BatchDecision = {
  /** One per event, in input order. */
  acks: EventAck[];
  /** The events to store. */
  rows: EventRow[];
  /** Every line and job the batch read, in its state after the batch. */
  lines: Map<string, LineRow>;
  jobs: Map<string, JobRow>;
  changedLines: LineRow[];
  changedJobs: JobRow[];
  /** Orders one of whose jobs started or ended (their status may follow). */
  ordersWithStatusChange: Set<string>;
  /** Planner commands whose correlation id a stored event carries. */
  commandsDone: Array<{ id: string; lineId: string }>;
  /** Whether any event was refused (by the protocol's rules, or for a line that is gone). */
  refused: boolean;
};

/**
 * What a batch of events does — each line's events in arrival order — given the lines' and
 * jobs' states before it: the core's rules per event (applyLineEvent), folded over the batch in
 * memory. Pure: the given maps are not changed. Both ingestion paths use it: under row locks
 * (persist-line-events.ts) and on cached states a single statement then verifies
 * (commit-verified-line-events.ts).
 */
export function decideLineBatch(
  batch: readonly IncomingEvent[],
  linesBefore: ReadonlyMap<string, LineRow>,
  jobsBefore: ReadonlyMap<string, JobRow>,
  context: { now: Date; maxFutureSkewMs: number },
): BatchDecision {
  const lines = new Map(linesBefore);
  const jobs = new Map(jobsBefore);
  const acks: EventAck[] = [];
  const rows: EventRow[] = [];
  const commandsDone: Array<{ id: string; lineId: string }> = [];
  const touchedJobs = new Set<string>();
  const ordersWithStatusChange = new Set<string>();
  let refused = false;
  for (const { lineId, event } of batch) {
    const line = lines.get(lineId);
    if (!line) {
      refused = true;
      acks.push({ ok: false, seq: event.seq, error: protocolError("PERSIST_FAILED", "The line no longer exists.") });
      continue;
    }
    const job = "jobId" in event ? (jobs.get(event.jobId) ?? null) : null;
    const decision = applyLineEvent(line, job, event, context);
    if (decision.kind === "duplicate") {
      acks.push({ ok: true, seq: event.seq, duplicate: true });
      continue;
    }
    if (decision.kind === "refused") {
      refused = true;
      acks.push({ ok: false, seq: event.seq, error: decision.error });
      continue;
    }
    lines.set(lineId, { ...decision.line, manufacturerId: line.manufacturerId });
    if (decision.job && job) {
      jobs.set(job.id, { ...job, ...decision.job });
      touchedJobs.add(job.id);
      if (decision.jobStatusChanged && job.orderId) ordersWithStatusChange.add(job.orderId);
    }
    const { seq, at, type, correlationId, ...details } = event;
    rows.push({ lineId, seq, agentAt: new Date(at), type, jobId: "jobId" in event ? event.jobId : null, payload: { ...details, ...(correlationId ? { correlationId } : {}) } });
    if (correlationId) commandsDone.push({ id: correlationId, lineId });
    acks.push({ ok: true, seq, duplicate: false });
  }
  const changedLines = [...lines.values()].filter((line) => line.lastSeq !== linesBefore.get(line.id)?.lastSeq);
  const changedJobs = [...touchedJobs].map((id) => jobs.get(id)!).filter((job) => !sameJob(job, jobsBefore.get(job.id)));
  return { acks, rows, lines, jobs, changedLines, changedJobs, ordersWithStatusChange, commandsDone, refused };
}

function sameJob(a: JobRow, b: JobRow | undefined): boolean {
  return (
    !!b && a.status === b.status && a.progress === b.progress && a.goodCount === b.goodCount && a.scrapCount === b.scrapCount &&
    sameTime(a.startedAt, b.startedAt) && sameTime(a.completedAt, b.completedAt) && sameTime(a.interruptedAt, b.interruptedAt) &&
    a.interruptCause === b.interruptCause && a.failReason === b.failReason
  );
}

const sameTime = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/** The jobs (as they were before) that a decision's stored events relied on: what a commit must find unchanged. */
export function jobsRelied(decision: Pick<BatchDecision, "rows">, jobsBefore: ReadonlyMap<string, JobRow>): JobRow[] {
  return [...new Set(decision.rows.flatMap((row) => (row.jobId ? [row.jobId] : [])))].map((id) => jobsBefore.get(id)!);
}
