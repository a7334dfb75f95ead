import { describe, expect, it } from "vitest";
import { checkSchedule } from "./check-schedule";
import { compileInstance } from "./compile-instance";
import { InstanceSchema, type Job } from "./instance-schema";
import { compareObjectives } from "./objective";
import { Solution } from "./solution";
import { at } from "./testing/arbitrary-instance";
import { EXAMPLE_JOBS, exampleInstance } from "./testing/example-instance";
import { toSchedule } from "./to-schedule";

describe("the objective, term by term", () => {
  const jobs: Job[] = [
    ...EXAMPLE_JOBS,
    { id: "NOCAP", family: "A", requires: ["drill"], minutes: 10, due: at(500) },
    { id: "PIN", family: "B", requires: ["cut"], minutes: 11, due: at(1000), weight: 5, pinned: { lineId: "L1", start: at(1000) } },
  ];
  const instance = InstanceSchema.parse(exampleInstance(jobs));
  const model = compileInstance(instance);
  const solution = new Solution(model);
  solution.setSequence(0, [0, 1, 2].map((j) => j));

  it("counts unscheduled jobs: the one no line can make, and a free job left off every line", () => {
    // J4 (index 3) is free but on no line
    expect(solution.objective().unscheduled).toBe(2);
    const { schedule } = toSchedule(solution);
    expect(schedule.unscheduled).toEqual([
      { jobId: "J4", reason: "no room on any eligible line before the horizon end" },
      { jobId: "NOCAP", reason: "no line has capability drill" },
    ]);
  });

  it("sums weight * lateness, pinned jobs included", () => {
    // J1 2 * 10, J3 3 * 30, pinned [1000, 1010] after J3 (A→B setup 10), due 1000, weight 5 → 50
    expect(solution.objective().weightedTardiness).toBe(20 + 90 + 50);
  });

  it("sums the setups the sequence needs, pinned jobs included", () => {
    // J1 0 (initial family A), J2 A→B 10, J3 B→A 30, pinned job A→B 10
    expect(solution.objective().setupMinutes).toBe(50);
  });

  it("takes the makespan as the latest end", () => {
    expect(solution.objective().makespan).toBe(1010);
  });

  it("writes the same figures into a schedule the independent checker accepts", () => {
    const { schedule, objective } = toSchedule(solution);
    expect(objective).toEqual({ unscheduled: 2, weightedTardiness: 160, setupMinutes: 50, makespan: 1010 });
    expect(schedule.metrics).toEqual({ weightedTardiness: 160, setupMinutes: 50, makespan: at(1010), lateJobs: 3 });
    expect(schedule.assignments[0]).toEqual({ jobId: "J1", lineId: "L1", start: at(360), end: at(390), setupMinutes: 0 });
    const check = checkSchedule(instance, schedule);
    expect(check.violations).toEqual([]);
    expect([check.unscheduled, check.weightedTardiness, check.setupMinutes, check.makespan]).toEqual([2, 160, 50, 1010]);
  });

  it("compares objectives lexicographically", () => {
    const base = { unscheduled: 1, weightedTardiness: 100, setupMinutes: 50, makespan: 900 };
    expect(compareObjectives({ ...base, unscheduled: 0, weightedTardiness: 1e9 }, base)).toBeLessThan(0);
    expect(compareObjectives({ ...base, weightedTardiness: 99, setupMinutes: 1e6 }, base)).toBeLessThan(0);
    expect(compareObjectives({ ...base, setupMinutes: 49, makespan: 1e6 }, base)).toBeLessThan(0);
    expect(compareObjectives({ ...base, makespan: 901 }, base)).toBeGreaterThan(0);
    expect(compareObjectives(base, { ...base })).toBe(0);
  });
});
