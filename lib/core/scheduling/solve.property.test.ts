import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSchedule } from "./check-schedule";
import { compileInstance } from "./compile-instance";
import { constructEdd } from "./construct-edd";
import { InstanceSchema, type Instance } from "./instance-schema";
import { compareObjectives, type Objective } from "./objective";
import type { Schedule } from "./schedule-schema";
import { solve } from "./solve";
import { arbitraryInstance } from "./testing/arbitrary-instance";
import { toSchedule } from "./to-schedule";

/** Solves, and checks what every plan must satisfy: feasible, honest figures, never worse than EDD, pins kept. */
function solveAndCheck(instance: Instance, iterationLimit: number): Schedule {
  const parsed = InstanceSchema.parse(instance);
  const result = solve(parsed, { timeLimitMs: 60_000, iterationLimit, seed: 5 });
  const check = checkSchedule(parsed, result.schedule);
  expect(check.violations).toEqual([]);
  const recomputed: Objective = { unscheduled: check.unscheduled, weightedTardiness: check.weightedTardiness, setupMinutes: check.setupMinutes, makespan: check.makespan };
  expect(recomputed).toEqual(result.objective);

  const edd = toSchedule(constructEdd(compileInstance(parsed)));
  expect(checkSchedule(parsed, edd.schedule).feasible).toBe(true);
  expect(compareObjectives(result.objective, edd.objective)).toBeLessThanOrEqual(0);

  const placed = new Map(result.schedule.assignments.map((a) => [a.jobId, a]));
  const unscheduled = new Set(result.schedule.unscheduled.map((u) => u.jobId));
  for (const job of parsed.jobs) {
    if (!job.pinned) continue;
    const a = placed.get(job.id);
    // a pinned job is exactly where it was pinned, or listed as impossible there
    if (a) expect([a.lineId, a.start]).toEqual([job.pinned.lineId, job.pinned.start]);
    else expect(unscheduled.has(job.id)).toBe(true);
  }
  return result.schedule;
}

/** Pins some jobs of a feasible schedule where that schedule put them. */
function pinFrom(instance: Instance, schedule: Schedule, every: number): Instance {
  const at = new Map(schedule.assignments.map((a, i) => [a.jobId, i % every === 0 ? a : undefined]));
  return {
    ...instance,
    jobs: instance.jobs.map((job) => {
      const a = at.get(job.id);
      return a ? { ...job, pinned: { lineId: a.lineId, start: a.start } } : job;
    }),
  };
}

describe("solve on random instances (property)", () => {
  it("small instances (the exact search): feasible, never worse than EDD, pins kept", () => {
    fc.assert(
      fc.property(arbitraryInstance({ minJobs: 1, maxJobs: 8, maxLines: 3 }), (instance) => {
        solveAndCheck(instance, 0);
      }),
      { numRuns: 80 },
    );
  });

  it("larger instances (constructions and ruin & recreate): feasible, never worse than EDD, pins kept", () => {
    fc.assert(
      fc.property(arbitraryInstance({ minJobs: 13, maxJobs: 40, maxLines: 3, roomy: true }), (instance) => {
        solveAndCheck(instance, 60);
      }),
      { numRuns: 25 },
    );
  });

  it("pinned jobs taken from a feasible plan never move and are all placed", () => {
    fc.assert(
      fc.property(arbitraryInstance({ minJobs: 10, maxJobs: 30, maxLines: 3, roomy: true }), fc.integer({ min: 2, max: 5 }), (instance, every) => {
        const parsed = InstanceSchema.parse(instance);
        const first = solve(parsed, { timeLimitMs: 60_000, iterationLimit: 20, seed: 1 });
        const pinned = pinFrom(parsed, first.schedule, every);
        const model = compileInstance(InstanceSchema.parse(pinned));
        const schedule = solveAndCheck(pinned, 40);
        // every pin the compiler accepted is in the plan, exactly where it was pinned
        const placed = new Set(schedule.assignments.map((a) => a.jobId));
        pinned.jobs.forEach((job, j) => {
          if (model.isPinned[j]) expect(placed.has(job.id)).toBe(true);
        });
      }),
      { numRuns: 20 },
    );
  });
});
