import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSchedule } from "./check-schedule";
import { InstanceSchema, type Instance } from "./instance-schema";
import { compareObjectives } from "./objective";
import { solve, type SolveProgress } from "./solve";
import { arbitraryInstance } from "./testing/arbitrary-instance";

/** a large enough random instance for the heuristic path (more jobs than the exact search takes) */
const bigInstance = (seed: number): Instance => fc.sample(arbitraryInstance({ minJobs: 30, maxJobs: 30, maxLines: 3, roomy: true }), { seed, numRuns: 1 })[0] as Instance;

/** a clock that advances one millisecond per reading: time limits become step counts */
const tickingClock = () => {
  let t = 0;
  return () => t++;
};

describe("solve", () => {
  it("is deterministic for a given seed", () => {
    const instance = InstanceSchema.parse(bigInstance(7));
    const a = solve(instance, { timeLimitMs: 60_000, iterationLimit: 150, seed: "s" });
    const b = solve(instance, { timeLimitMs: 60_000, iterationLimit: 150, seed: "s" });
    expect(a.schedule).toEqual(b.schedule);
    expect(checkSchedule(instance, a.schedule).feasible).toBe(true);
  });

  it("stops at the time limit with its best plan, reporting progress on the way", () => {
    const instance = InstanceSchema.parse(bigInstance(11));
    const progress: SolveProgress[] = [];
    const result = solve(instance, { timeLimitMs: 400, now: tickingClock(), onProgress: (p) => progress.push(p), progressIntervalMs: 20 });
    expect(result.elapsedMs).toBeLessThan(500);
    expect(result.iterations).toBeGreaterThan(0);
    expect(progress[0]?.phase).toBe("construct");
    expect(progress.at(-1)?.phase).toBe("done");
    expect(progress.some((p) => p.phase === "improve")).toBe(true);
    // the best plan never gets worse along the way
    for (let i = 1; i < progress.length; i++) {
      expect(compareObjectives((progress[i] as SolveProgress).objective, (progress[i - 1] as SolveProgress).objective)).toBeLessThanOrEqual(0);
    }
    const check = checkSchedule(instance, result.schedule);
    expect(check.violations).toEqual([]);
    expect(check.weightedTardiness).toBe(result.objective.weightedTardiness);
  });

  it("returns a feasible plan promptly when asked to stop", () => {
    const instance = InstanceSchema.parse(bigInstance(3));
    let polls = 0;
    const result = solve(instance, { timeLimitMs: 60_000, shouldStop: () => ++polls > 5 });
    expect(polls).toBeLessThan(10);
    expect(checkSchedule(instance, result.schedule).feasible).toBe(true);
  });

  it("finds the proven optimum of a small instance", () => {
    // two jobs, one line: EDD order would run the heavy late job second
    const instance = InstanceSchema.parse({
      version: 1,
      horizon: { start: "2026-12-07T00:00:00Z", end: "2026-12-08T00:00:00Z" },
      lines: [{ id: "L1", capabilities: [] }],
      setups: { default: 0 },
      jobs: [
        { id: "light", family: "A", requires: [], minutes: 60, due: "2026-12-07T00:30:00Z", weight: 1 },
        { id: "heavy", family: "A", requires: [], minutes: 60, due: "2026-12-07T00:40:00Z", weight: 10 },
      ],
    });
    const result = solve(instance, { timeLimitMs: 1000 });
    expect(result.construction).toBe("exact");
    // heavy first: heavy 10 * 20, light 1 * 90
    expect(result.objective.weightedTardiness).toBe(290);
    expect(result.schedule.assignments.map((a) => a.jobId)).toEqual(["heavy", "light"]);
  });
});
