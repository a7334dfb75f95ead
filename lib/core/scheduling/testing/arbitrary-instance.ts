import fc from "fast-check";
import type { Instance, Job, Line } from "../instance-schema";
import { epochMinutesToIso, isoToEpochMinutes } from "../iso-minutes";

/** Test support: random small FORMAT.md instances for property tests. */

export const TEST_HORIZON_START = "2026-12-07T00:00:00Z";
const origin = isoToEpochMinutes(TEST_HORIZON_START) as number;
export const at = (minutes: number) => epochMinutesToIso(origin + minutes);

const CAPABILITIES = ["cut", "weld", "paint"] as const;
const FAMILIES = ["A", "B", "C"] as const;
const SPEEDS = [0.8, 0.9, 1, 1.1, 1.25] as const;

export interface InstanceShape {
  minJobs: number;
  maxJobs: number;
  maxLines: number;
  /** two or three days of shifts; room for every job when `roomy` */
  roomy?: boolean;
}

const lineArbitrary = (index: number, days: number) =>
  fc
    .record({
      capabilities: fc.subarray([...CAPABILITIES], { minLength: 1 }),
      speed: fc.constantFrom(...SPEEDS),
      shifts: fc.constantFrom("none", "day", "two", "split"),
      initialFamily: fc.option(fc.constantFrom(...FAMILIES), { nil: undefined }),
    })
    .map(({ capabilities, speed, shifts, initialFamily }): Line => {
      const windows: { start: string; end: string }[] = [];
      for (let d = 0; d < days && shifts !== "none"; d++) {
        const day = d * 1440;
        if (shifts === "day") windows.push({ start: at(day + 360), end: at(day + 840) });
        if (shifts === "two") windows.push({ start: at(day + 360), end: at(day + 1320) });
        if (shifts === "split") windows.push({ start: at(day + 360), end: at(day + 600) }, { start: at(day + 630), end: at(day + 1000) });
      }
      return { id: `L${index + 1}`, capabilities: [...capabilities], speed, ...(windows.length ? { windows } : {}), ...(initialFamily ? { initialFamily } : {}) };
    });

const jobArbitrary = (index: number, horizon: number) =>
  fc
    .record({
      family: fc.constantFrom(...FAMILIES),
      requires: fc.subarray([...CAPABILITIES], { maxLength: 2 }),
      minutes: fc.integer({ min: 5, max: 150 }),
      release: fc.option(fc.integer({ min: 0, max: Math.floor(horizon / 3) }), { nil: undefined }),
      dueAfter: fc.integer({ min: 30, max: Math.floor(horizon / 2) }),
      weight: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    })
    .map(({ family, requires, minutes, release, dueAfter, weight }): Job => ({
      id: `J${index + 1}`,
      family,
      requires: [...requires],
      minutes,
      ...(release === undefined ? {} : { release: at(release) }),
      due: at((release ?? 0) + dueAfter),
      ...(weight === undefined ? {} : { weight }),
    }));

/** A random instance: 1-3 lines with shifts, 3 families with an asymmetric setup matrix, jobs with releases and dues. */
export function arbitraryInstance(shape: InstanceShape): fc.Arbitrary<Instance> {
  const days = shape.roomy ? 6 : 3;
  const horizon = days * 1440;
  return fc
    .record({
      lineCount: fc.integer({ min: 1, max: shape.maxLines }),
      jobCount: fc.integer({ min: shape.minJobs, max: shape.maxJobs }),
      setupDefault: fc.integer({ min: 0, max: 40 }),
      matrix: fc.array(fc.tuple(fc.constantFrom(...FAMILIES), fc.constantFrom(...FAMILIES), fc.integer({ min: 0, max: 60 })), { maxLength: 6 }),
    })
    .chain(({ lineCount, jobCount, setupDefault, matrix }) =>
      fc
        .tuple(
          fc.tuple(...Array.from({ length: lineCount }, (_, i) => lineArbitrary(i, days))),
          fc.tuple(...Array.from({ length: jobCount }, (_, i) => jobArbitrary(i, horizon))),
        )
        .map(([lines, jobs]): Instance => {
          const rows: Record<string, Record<string, number>> = {};
          for (const [from, to, minutes] of matrix) if (from !== to) (rows[from] ??= {})[to] = minutes;
          return {
            version: 1,
            horizon: { start: at(0), end: at(horizon) },
            lines,
            setups: { default: setupDefault, matrix: rows },
            jobs,
          };
        }),
    );
}
