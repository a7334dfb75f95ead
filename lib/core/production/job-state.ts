/**
 * A production job on a line follows ISA-95 job-order control:
 *
 *   not_allowed_to_start → allowed_to_start → running ⇄ interrupted → ended
 *                                 └──────────────┴──────────┴─────→ aborted
 *
 * The database keeps the planner's JobStatus (queued = allowed to start on its line, running,
 * done = ended, failed = aborted) and marks an interruption with `interruptedAt`, so the job's
 * ISA-95 state is derived here from both.
 */
export type JobStatus = "waiting_parts" | "ready" | "scheduled" | "queued" | "running" | "done" | "failed" | "cancelled";

export type Isa95JobState = "not_allowed_to_start" | "allowed_to_start" | "running" | "interrupted" | "ended" | "aborted";

export type JobFacts = { status: JobStatus; interrupted: boolean };

export function isa95State(job: JobFacts): Isa95JobState {
  switch (job.status) {
    case "waiting_parts":
    case "ready":
    case "scheduled":
      return "not_allowed_to_start";
    case "queued":
      return "allowed_to_start";
    case "running":
      return job.interrupted ? "interrupted" : "running";
    case "done":
      return "ended";
    case "failed":
    case "cancelled":
      return "aborted";
  }
}

/** What a line may report about a job. */
export type JobTransition = "start" | "progress" | "interrupt" | "resume" | "complete" | "fail";

const ALLOWED: Record<JobTransition, readonly Isa95JobState[]> = {
  start: ["allowed_to_start"],
  progress: ["running"],
  interrupt: ["running"],
  resume: ["interrupted"],
  complete: ["running"],
  fail: ["allowed_to_start", "running", "interrupted"],
};

const TARGET: Record<JobTransition, Isa95JobState> = {
  start: "running",
  progress: "running",
  interrupt: "interrupted",
  resume: "running",
  complete: "ended",
  fail: "aborted",
};

export type TransitionResult = { ok: true; to: Isa95JobState } | { ok: false; from: Isa95JobState; message: string };

export function transitionJob(from: Isa95JobState, transition: JobTransition): TransitionResult {
  if (ALLOWED[transition].includes(from)) return { ok: true, to: TARGET[transition] };
  return { ok: false, from, message: `A job that is ${from.replaceAll("_", " ")} cannot ${transition}.` };
}

/** The database fields a state stands for. */
export function jobFactsFor(state: Isa95JobState): JobFacts {
  switch (state) {
    case "not_allowed_to_start":
      return { status: "scheduled", interrupted: false };
    case "allowed_to_start":
      return { status: "queued", interrupted: false };
    case "running":
      return { status: "running", interrupted: false };
    case "interrupted":
      return { status: "running", interrupted: true };
    case "ended":
      return { status: "done", interrupted: false };
    case "aborted":
      return { status: "failed", interrupted: false };
  }
}
