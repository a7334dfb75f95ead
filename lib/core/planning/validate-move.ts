import { MOVABLE_STATUSES, MINUTE_MS, processingMinutes, setupMinutesBetween, type PlanningJob, type PlanningLine, type SetupTable } from "./planning-model";

export type MoveRefusalCode = "NOT_MOVABLE" | "LOCKED" | "MISSING_CAPABILITY" | "IN_THE_PAST" | "BEFORE_RELEASE" | "OUTSIDE_WINDOW" | "OVERLAP" | "LEAVES_NO_SETUP_TIME";

export type MoveCheck =
  | { ok: true; start: number; end: number; setupMinutes: number }
  | { ok: false; code: MoveRefusalCode; message: string };

const timeFormat = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
const when = (ms: number) => `${timeFormat.format(ms)} UTC`;

/**
 * Can this job go on this line at this start? The same rules as the scheduler's (FORMAT.md):
 * the line has every capability, the start is not before the job's release (nor in the past),
 * the setup before it and the job itself lie inside one production window, and neither
 * overlaps the jobs before and after it — whose setups change with the new neighbour.
 */
export function validateMove(input: {
  job: PlanningJob;
  line: PlanningLine;
  start: number;
  /** The other jobs planned on the target line (the moved job itself is ignored). */
  lineJobs: PlanningJob[];
  /** Where the job is now, if it is planned on another line (its neighbours there meet). */
  source?: { line: PlanningLine; jobs: PlanningJob[] };
  setups: SetupTable;
  now: number;
}): MoveCheck {
  const { job, line, setups } = input;
  const start = Math.round(input.start / MINUTE_MS) * MINUTE_MS;
  if (!MOVABLE_STATUSES.has(job.status)) return { ok: false, code: "NOT_MOVABLE", message: `${job.code} is ${job.status.replace("_", " ")}; only jobs not yet started can be moved.` };
  if (job.locked) return { ok: false, code: "LOCKED", message: `${job.code} is locked; unlock it to move it.` };
  const missing = job.requires.filter((capability) => !line.capabilities.includes(capability));
  if (missing.length > 0) return { ok: false, code: "MISSING_CAPABILITY", message: `${line.code} cannot do ${missing.join(", ")}, which ${job.code} needs.` };
  if (start < input.now) return { ok: false, code: "IN_THE_PAST", message: "A job cannot start in the past." };
  if (start < job.release) return { ok: false, code: "BEFORE_RELEASE", message: `${job.code} cannot start before its parts arrive (${when(job.release)}).` };

  const others = input.lineJobs
    .filter((other) => other.id !== job.id && other.start !== null && other.end !== null)
    .sort((a, b) => a.start! - b.start!);
  const previous = [...others].reverse().find((other) => other.start! < start) ?? null;
  const next = others.find((other) => other.start! >= start) ?? null;
  const setupMinutes = setupMinutesBetween(setups, previous ? previous.family : line.currentFamily, job.family);
  const setupStart = start - setupMinutes * MINUTE_MS;
  const end = start + processingMinutes(job, line) * MINUTE_MS;

  if (!line.windows.some((window) => window.start <= setupStart && end <= window.end)) {
    return { ok: false, code: "OUTSIDE_WINDOW", message: `${line.code} is not working for all of ${when(setupStart)}–${when(end)} (setup and job must fit in one shift).` };
  }
  if (previous && previous.end! > setupStart) {
    return { ok: false, code: "OVERLAP", message: `Overlaps ${previous.code}, which runs until ${when(previous.end!)}${setupMinutes ? ` (plus ${setupMinutes} min setup)` : ""}.` };
  }
  if (next) {
    const nextSetup = setupMinutesBetween(setups, job.family, next.family);
    if (next.start! - nextSetup * MINUTE_MS < end) {
      return { ok: false, code: "OVERLAP", message: `Overlaps ${next.code}, which starts at ${when(next.start!)}${nextSetup ? ` after a ${nextSetup} min setup` : ""}.` };
    }
  }
  if (input.source && input.source.line.id !== line.id) {
    const gap = neighboursMeet(job, input.source.line, input.source.jobs, setups);
    if (gap) return gap;
  }
  return { ok: true, start, end, setupMinutes };
}

/** Taking a job out joins its neighbours: the later one may now need a longer setup than the gap allows. */
function neighboursMeet(job: PlanningJob, line: PlanningLine, jobs: PlanningJob[], setups: SetupTable): MoveCheck | null {
  if (job.start === null) return null;
  const others = jobs.filter((other) => other.id !== job.id && other.start !== null && other.end !== null).sort((a, b) => a.start! - b.start!);
  const previous = [...others].reverse().find((other) => other.start! < job.start!) ?? null;
  const next = others.find((other) => other.start! > job.start!) ?? null;
  if (!next) return null;
  const needed = setupMinutesBetween(setups, previous ? previous.family : line.currentFamily, next.family);
  const earliest = (previous?.end ?? Number.NEGATIVE_INFINITY) + needed * MINUTE_MS;
  const inWindow = line.windows.some((window) => window.start <= next.start! - needed * MINUTE_MS && next.end! <= window.end);
  if (earliest <= next.start! && inWindow) return null;
  return { ok: false, code: "LEAVES_NO_SETUP_TIME", message: `Without ${job.code}, ${line.code} needs ${needed} min to set up for ${next.code}, and there is no time for it.` };
}
