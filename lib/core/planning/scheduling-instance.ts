import type { Instance } from "../scheduling/instance-schema";
import { MINUTE_MS, MOVABLE_STATUSES, type Interval, type PlanningJob, type PlanningLine, type SetupTable } from "./planning-model";

/** Whole-minute UTC ISO, as FORMAT.md wants: 2026-12-01T06:00:00Z. */
export function isoMinute(ms: number): string {
  return new Date(Math.floor(ms / MINUTE_MS) * MINUTE_MS).toISOString().slice(0, 16) + ":00Z";
}

function roundUpToMinute(ms: number): number {
  return Math.ceil(ms / MINUTE_MS) * MINUTE_MS;
}

export type InstanceBuild = {
  instance: Instance | null;
  /** Jobs the instance plans (not started, parts confirmed). */
  plannedJobIds: string[];
  /** Lines left out (no production time in the horizon) and why, for the planner. */
  notes: string[];
};

/**
 * The factory as a scheduling instance (FORMAT.md is the boundary to the solver): from `now`
 * over `horizonMs`. Running jobs are not planned: their line is available after they end and
 * set up for their family. Locked jobs become pins where they still fit. Jobs waiting for
 * parts stay out — they cannot be placed before a confirmed release.
 */
export function toSchedulingInstance(input: { lines: PlanningLine[]; jobs: PlanningJob[]; setups: SetupTable; now: number; horizonMs: number }): InstanceBuild {
  const horizon: Interval = { start: roundUpToMinute(input.now), end: roundUpToMinute(input.now) + input.horizonMs };
  const notes: string[] = [];
  const lines: Instance["lines"] = [];
  const availableFrom = new Map<string, number>();
  for (const line of input.lines) {
    const running = input.jobs.filter((job) => job.lineId === line.id && job.status === "running" && job.end !== null).sort((a, b) => a.end! - b.end!);
    const busyUntil = roundUpToMinute(Math.max(horizon.start, running.at(-1)?.end ?? 0));
    const windows = line.windows
      .map((window) => ({ start: roundUpToMinute(Math.max(window.start, busyUntil)), end: Math.floor(Math.min(window.end, horizon.end) / MINUTE_MS) * MINUTE_MS }))
      .filter((window) => window.end > window.start);
    // An empty window list means "always available" in FORMAT.md: a line without time is left out.
    if (windows.length === 0) {
      notes.push(`${line.code} has no production time in the next ${Math.round(input.horizonMs / 86_400_000)} days.`);
      continue;
    }
    availableFrom.set(line.id, busyUntil);
    const initialFamily = running.at(-1)?.family ?? line.currentFamily;
    lines.push({
      id: line.id,
      capabilities: line.capabilities,
      speed: line.speed,
      windows: windows.map((window) => ({ start: isoMinute(window.start), end: isoMinute(window.end) })),
      ...(initialFamily ? { initialFamily } : {}),
    });
  }
  const planned = input.jobs.filter((job) => MOVABLE_STATUSES.has(job.status));
  const jobs: Instance["jobs"] = planned.map((job) => {
    const pinFits = job.locked && job.lineId !== null && job.start !== null && availableFrom.has(job.lineId) && job.start >= availableFrom.get(job.lineId)!;
    if (job.locked && !pinFits) notes.push(`${job.code} is locked at a time that has passed or on a line without time; it is planned freely.`);
    return {
      id: job.id,
      family: job.family,
      requires: job.requires,
      minutes: job.minutes,
      ...(job.release > horizon.start ? { release: isoMinute(roundUpToMinute(job.release)) } : {}),
      due: isoMinute(job.due),
      weight: job.weight,
      ...(pinFits ? { pinned: { lineId: job.lineId!, start: isoMinute(job.start!) } } : {}),
    };
  });
  const matrix = input.setups.matrix;
  const instance: Instance | null =
    lines.length === 0
      ? null
      : { version: 1, horizon: { start: isoMinute(horizon.start), end: isoMinute(horizon.end) }, lines, setups: { default: input.setups.defaultMinutes, matrix }, jobs };
  return { instance, plannedJobIds: planned.map((job) => job.id), notes };
}
