import type { Interval } from "./shift-windows";

export type LineStatusValue = "running" | "idle" | "down" | "maintenance";

export type OeeInput = {
  window: Interval;
  /** Holidays and planned maintenance inside the window: not planned production time. */
  plannedStops: Interval[];
  /** Time is counted up to here (a shift in progress counts only its past). */
  now: number;
  /** The line's status in force at the window's start, then every status change, by time. */
  initialStatus: LineStatusValue | null;
  statusChanges: Array<{ at: number; status: LineStatusValue }>;
  /** Units made inside the window, per job, with the job's ideal minutes per unit at the line's speed. */
  units: Array<{ good: number; scrap: number; idealUnitMinutes: number }>;
  /** A simulator's pace (simulated ms per real ms); 1 for a real line. */
  timeScale: number;
};

export type Oee = {
  plannedMs: number;
  runMs: number;
  downMs: number;
  idleMs: number;
  idealMs: number;
  good: number;
  scrap: number;
  /** Run time / planned production time. */
  availability: number | null;
  /** Ideal time of the units made / run time (capped at 1: above it the ideal is wrong, not the line fast). */
  performance: number | null;
  /** Good units / all units. */
  quality: number | null;
  oee: number | null;
};

/**
 * OEE = availability × performance × quality (Nakajima), from a line's status changes and unit
 * counts. Planned production time is the window up to now, less planned stops and the time the
 * line itself reported as maintenance; unplanned stops are `down` and `idle` (a line standing
 * during its shift for want of work loses availability too). Without planned time or units the
 * factors are null (unknown), never a made-up 100 %.
 */
export function computeOee(input: OeeInput): Oee {
  const end = Math.min(input.window.end, input.now);
  const start = input.window.start;
  const totals = { running: 0, idle: 0, down: 0, maintenance: 0, unknown: 0 };
  if (end > start) {
    const changes = input.statusChanges.filter((change) => change.at > start && change.at < end).sort((a, b) => a.at - b.at);
    let status: LineStatusValue | null = input.initialStatus;
    let cursor = start;
    for (const change of [...changes, { at: end, status: null }]) {
      totals[status ?? "unknown"] += plannedPart({ start: cursor, end: change.at }, input.plannedStops);
      cursor = change.at;
      status = change.status ?? status;
    }
  }
  // No report yet in the window counts as standing still: the line did not say it ran.
  const plannedMs = totals.running + totals.idle + totals.down + totals.unknown;
  const runMs = totals.running;
  const good = sum(input.units.map((unit) => unit.good));
  const scrap = sum(input.units.map((unit) => unit.scrap));
  const idealMs = sum(input.units.map((unit) => ((unit.good + unit.scrap) * unit.idealUnitMinutes * 60_000) / Math.max(input.timeScale, 1)));
  const availability = plannedMs > 0 ? runMs / plannedMs : null;
  const performance = runMs > 0 ? Math.min(1, idealMs / runMs) : null;
  const quality = good + scrap > 0 ? good / (good + scrap) : null;
  const oee = availability !== null && performance !== null && quality !== null ? availability * performance * quality : null;
  return { plannedMs, runMs, downMs: totals.down, idleMs: totals.idle + totals.unknown, idealMs, good, scrap, availability, performance, quality, oee };
}

/** The length of `interval` outside every planned stop. */
function plannedPart(interval: Interval, stops: Interval[]): number {
  let length = Math.max(0, interval.end - interval.start);
  const merged = mergeIntervals(stops.map((stop) => ({ start: Math.max(stop.start, interval.start), end: Math.min(stop.end, interval.end) })).filter((stop) => stop.end > stop.start));
  for (const stop of merged) length -= stop.end - stop.start;
  return Math.max(0, length);
}

function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
