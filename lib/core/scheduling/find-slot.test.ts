import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSchedule } from "./check-schedule";
import { createSlotFinder } from "./find-slot";
import { InstanceSchema, type Instance, type Job } from "./instance-schema";
import type { Plan } from "./plan-schema";
import { solve } from "./solve";
import { arbitraryInstance, at } from "./testing/arbitrary-instance";
import { EXAMPLE_JOBS, exampleInstance } from "./testing/example-instance";

function planFor(instance: Instance): Plan {
  const parsed = InstanceSchema.parse(instance);
  return { version: 1, instance: parsed, schedule: solve(parsed, { timeLimitMs: 60_000, iterationLimit: 30, seed: 3 }).schedule };
}

const newJob = fc.record({
  family: fc.constantFrom("A", "B", "C", "Z"),
  requires: fc.subarray(["cut", "weld", "paint"], { maxLength: 1 }),
  minutes: fc.integer({ min: 5, max: 120 }),
  due: fc.integer({ min: 60, max: 4000 }),
  weight: fc.integer({ min: 1, max: 5 }),
  maxMoves: fc.integer({ min: 0, max: 4 }),
});

describe("createSlotFinder", () => {
  it("fills a gap by hand: J3 planned at 470 leaves room after J2 for a 10-minute job of family B", () => {
    const plan: Plan = {
      version: 1,
      instance: InstanceSchema.parse(exampleInstance(EXAMPLE_JOBS.slice(0, 3))),
      schedule: {
        assignments: [
          { jobId: "J1", lineId: "L1", start: at(360), end: at(390), setupMinutes: 0 },
          { jobId: "J2", lineId: "L1", start: at(400), end: at(420), setupMinutes: 10 },
          { jobId: "J3", lineId: "L1", start: at(470), end: at(530), setupMinutes: 30 },
        ],
        unscheduled: [],
      },
    };
    const job: Job = { id: "NEW", family: "B", requires: ["cut"], minutes: 11, due: at(440) };
    const slot = createSlotFinder(plan).findSlot(job);
    // 10 minutes at speed 1.1, no setup after J2 (family B); J3's B→A setup of 30 still fits before 470
    // (before J2 would push J2: A→B 10 after J1 ends 390, so J2 could not start at 400)
    expect(slot).toMatchObject({ lineId: "L1", start: at(420), end: at(430), setupMinutes: 0, addedTardiness: 0, addedSetupMinutes: 0, moved: [] });
  });

  it("gives feasible plans that move at most the allowed number of jobs, and figures that add up", () => {
    fc.assert(
      fc.property(arbitraryInstance({ minJobs: 13, maxJobs: 30, maxLines: 3, roomy: true }), fc.array(newJob, { minLength: 1, maxLength: 4 }), (instance, jobs) => {
        const plan = planFor(instance);
        const finder = createSlotFinder(plan);
        const before = checkSchedule(plan.instance, plan.schedule);
        jobs.forEach((spec, i) => {
          const job: Job = { id: `NEW${i}`, family: spec.family, requires: spec.requires, minutes: spec.minutes, due: at(spec.due), weight: spec.weight };
          const query = { maxMoves: spec.maxMoves };
          const slot = finder.findSlot(job, query);
          const { plan: next, slot: same } = finder.insert(job, query);
          expect(same).toEqual(slot);
          if (!slot) {
            expect(next).toBe(plan);
            return;
          }
          const check = checkSchedule(next.instance, next.schedule);
          expect(check.violations).toEqual([]);
          expect(check.weightedTardiness - before.weightedTardiness).toBeCloseTo(slot.addedTardiness, 6);
          expect(check.setupMinutes - before.setupMinutes).toBe(slot.addedSetupMinutes);
          expect(slot.moved.length).toBeLessThanOrEqual(spec.maxMoves);
          // every planned job not reported as moved is exactly where it was
          const moved = new Set(slot.moved.map((m) => m.jobId));
          const after = new Map(next.schedule.assignments.map((a) => [a.jobId, a]));
          for (const a of plan.schedule.assignments) {
            const now = after.get(a.jobId);
            expect(now?.lineId === a.lineId && now?.start === a.start).toBe(!moved.has(a.jobId));
          }
        });
      }),
      { numRuns: 30 },
    );
  });

  it("has no slot for a job no line can make, and respects notBefore", () => {
    const plan = planFor(fc.sample(arbitraryInstance({ minJobs: 13, maxJobs: 13, maxLines: 2, roomy: true }), { seed: 2, numRuns: 1 })[0] as Instance);
    const finder = createSlotFinder(plan);
    expect(finder.findSlot({ id: "X", family: "A", requires: ["drill"], minutes: 10, due: at(100) })).toBeNull();
    const slot = finder.findSlot({ id: "Y", family: "A", requires: [], minutes: 10, due: at(100) }, { notBefore: at(3000), maxMoves: 0 });
    expect(slot === null || Date.parse(slot.start) >= Date.parse(at(3000))).toBe(true);
    expect(() => finder.findSlot({ id: plan.instance.jobs[0]?.id ?? "J1", family: "A", requires: [], minutes: 10, due: at(100) })).toThrow(/in the plan already/);
  });
});
