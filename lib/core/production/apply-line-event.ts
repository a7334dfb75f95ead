import { protocolError, type ProtocolError } from "../line-protocol/error-codes";
import type { LineEvent, LineStatusValue } from "../line-protocol/event";
import { MAX_EVENT_AGE_MS } from "../line-protocol/limits";
import { isa95State, jobFactsFor, transitionJob, type JobStatus, type JobTransition } from "./job-state";

/**
 * Decides what one agent event does, given what the server holds: a duplicate (seq already
 * stored), a refusal with a protocol error, or the new state of the line and of the job it
 * names. Pure, so the ingestion path can apply a batch of events in order, in memory, inside
 * one transaction — and so every refusal rule is unit-tested.
 */
export type LineState = {
  id: string;
  lastSeq: number;
  status: LineStatusValue;
  statusReason: string | null;
  lastEventAt: Date | null;
  currentFamily: string | null;
};

export type JobState = {
  id: string;
  lineId: string | null;
  family: string;
  status: JobStatus;
  interruptedAt: Date | null;
  interruptCause: string | null;
  progress: number;
  goodCount: number;
  scrapCount: number;
  startedAt: Date | null;
  completedAt: Date | null;
  failReason: string | null;
};

export type EventDecision =
  | { kind: "duplicate" }
  | { kind: "refused"; error: ProtocolError }
  | { kind: "accepted"; line: LineState; job: JobState | null; jobStatusChanged: boolean };

const TRANSITION: Record<Exclude<LineEvent["type"], "status">, JobTransition> = {
  job_started: "start",
  job_progress: "progress",
  job_interrupted: "interrupt",
  job_resumed: "resume",
  job_completed: "complete",
  job_failed: "fail",
};

export function applyLineEvent(
  line: LineState,
  job: JobState | null,
  event: LineEvent,
  context: { now: Date; maxFutureSkewMs: number },
): EventDecision {
  if (event.seq <= line.lastSeq) return { kind: "duplicate" };
  const at = new Date(event.at);
  if (at.getTime() > context.now.getTime() + context.maxFutureSkewMs) {
    return refuse(protocolError("EVENT_IN_FUTURE", `The event is dated ${event.at}, more than ${context.maxFutureSkewMs} ms after the server's time.`));
  }
  if (at.getTime() < context.now.getTime() - MAX_EVENT_AGE_MS) return refuse(protocolError("EVENT_TOO_OLD"));
  const nextLine: LineState = { ...line, lastSeq: event.seq, lastEventAt: at };

  if (event.type === "status") {
    return { kind: "accepted", line: { ...nextLine, status: event.status, statusReason: event.reason ?? null }, job: null, jobStatusChanged: false };
  }
  // A job of another line and a job that is not (yet) queued answer alike: not this line's.
  if (!job || job.id !== event.jobId || job.lineId !== line.id) return refuse(protocolError("JOB_NOT_ON_LINE"));
  const from = isa95State({ status: job.status, interrupted: job.interruptedAt !== null });
  if (from === "not_allowed_to_start") return refuse(protocolError("JOB_NOT_ON_LINE"));
  const transition = transitionJob(from, TRANSITION[event.type]);
  if (!transition.ok) return refuse(protocolError("INVALID_TRANSITION", transition.message));

  const facts = jobFactsFor(transition.to);
  const next: JobState = { ...job, status: facts.status };
  switch (event.type) {
    case "job_started":
      next.startedAt = job.startedAt ?? at;
      nextLine.currentFamily = job.family;
      break;
    case "job_progress":
      if (event.good < job.goodCount || event.scrap < job.scrapCount) {
        return refuse(protocolError("INVALID_TRANSITION", "Counts are cumulative per job and never decrease."));
      }
      next.progress = event.percent;
      next.goodCount = event.good;
      next.scrapCount = event.scrap;
      break;
    case "job_interrupted":
      next.interruptedAt = at;
      next.interruptCause = event.reason;
      break;
    case "job_resumed":
      next.interruptedAt = null;
      next.interruptCause = null;
      break;
    case "job_completed":
      if (event.good < job.goodCount || event.scrap < job.scrapCount) {
        return refuse(protocolError("INVALID_TRANSITION", "Counts are cumulative per job and never decrease."));
      }
      next.progress = 100;
      next.goodCount = event.good;
      next.scrapCount = event.scrap;
      next.completedAt = at;
      break;
    case "job_failed":
      next.failReason = event.reason;
      next.interruptedAt = null;
      next.completedAt = at;
      if (event.good !== undefined) next.goodCount = Math.max(job.goodCount, event.good);
      if (event.scrap !== undefined) next.scrapCount = Math.max(job.scrapCount, event.scrap);
      break;
  }
  return { kind: "accepted", line: nextLine, job: next, jobStatusChanged: next.status !== job.status };
}

function refuse(error: ProtocolError): EventDecision {
  return { kind: "refused", error };
}
