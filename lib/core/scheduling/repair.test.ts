import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RepairInputError } from "./apply-repair-event";
import { checkSchedule } from "./check-schedule";
import { InstanceSchema, type Instance } from "./instance-schema";
import { isoToEpochMinutes } from "./iso-minutes";
import type { Plan } from "./plan-schema";
import { repairPlan, type RepairResult } from "./repair";
import type { RepairEvent } from "./repair-event-schema";
import { solve } from "./solve";
import { arbitraryInstance, at } from "./testing/arbitrary-instance";

const minutes = (iso: string) => isoToEpochMinutes(iso) as number;

function planFor(instance: Instance): Plan {
  const parsed = InstanceSchema.parse(instance);
  return { version: 1, instance: parsed, schedule: solve(parsed, { timeLimitMs: 60_000, iterationLimit: 40, seed: 2 }).schedule };
}

const instanceArbitrary = arbitraryInstance({ minJobs: 14, maxJobs: 30, maxLines: 3, roomy: true });

/** What every repair must satisfy, whatever the event. */
function checkRepair(plan: Plan, event: RepairEvent, result: RepairResult): void {
  const check = checkSchedule(result.plan.instance, result.plan.schedule);
  expect(check.violations).toEqual([]);
  const before = new Map(plan.schedule.assignments.map((a) => [a.jobId, a]));
  const after = new Map(result.plan.schedule.assignments.map((a) => [a.jobId, a]));
  const moved = new Set(result.moved.map((m) => m.jobId));
  for (const [jobId, old] of before) {
    if (result.cancelled.includes(jobId)) {
      expect(after.has(jobId)).toBe(false);
      continue;
    }
    const now = after.get(jobId);
    const same = now !== undefined && now.lineId === old.lineId && now.start === old.start;
    // started jobs never move; every other change is reported
    if (minutes(old.start) < minutes(event.at)) expect(same).toBe(true);
    expect(moved.has(jobId)).toBe(!same);
  }
  // nothing starts anew before the moment of the repair
  for (const a of result.plan.schedule.assignments) {
    if (!before.has(a.jobId) || moved.has(a.jobId)) expect(minutes(a.start)).toBeGreaterThanOrEqual(minutes(event.at));
  }
}

describe("repairPlan", () => {
  it("keeps a plan the event does not touch exactly as it was", () => {
    const instance = fc.sample(instanceArbitrary, { seed: 4, numRuns: 1 })[0] as Instance;
    const plan = planFor(instance);
    const end = plan.instance.horizon.end;
    const event: RepairEvent = { version: 1, at: plan.instance.horizon.start, disruptions: [{ type: "line-down", lineId: "L1", from: at(minutes(end) - minutes(at(0)) - 1), to: end }] };
    const result = repairPlan(plan, event, { timeLimitMs: 60_000, iterationLimit: 50 });
    checkRepair(plan, event, result);
    expect(result.moved).toEqual([]);
    expect(result.plan.schedule.assignments).toEqual(plan.schedule.assignments);
  });

  it("moves the jobs off a line that goes down, keeping started jobs", () => {
    fc.assert(
      fc.property(instanceArbitrary, fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 60, max: 600 }), (instance, offset, length) => {
        const plan = planFor(instance);
        const first = plan.schedule.assignments[0];
        if (!first) return;
        const from = minutes(first.start) - minutes(at(0)) + offset;
        const event: RepairEvent = { version: 1, at: at(from), disruptions: [{ type: "line-down", lineId: first.lineId, from: at(from), to: at(from + length) }] };
        const result = repairPlan(plan, event, { timeLimitMs: 60_000, iterationLimit: 40 });
        checkRepair(plan, event, result);
        // nothing new runs on the line while it is down (the checker saw the cut windows; a job started before may finish)
        for (const a of result.plan.schedule.assignments) {
          if (a.lineId !== first.lineId || result.started.includes(a.jobId)) continue;
          const setupStart = minutes(a.start) - a.setupMinutes - minutes(at(0));
          expect(setupStart >= from + length || minutes(a.end) - minutes(at(0)) <= from).toBe(true);
        }
      }),
      { numRuns: 15 },
    );
  });

  it("handles a later release, a rush job and a cancellation together", () => {
    fc.assert(
      fc.property(instanceArbitrary, fc.integer({ min: 0, max: 2000 }), (instance, delay) => {
        const plan = planFor(instance);
        const [a, b] = plan.schedule.assignments;
        if (!a || !b) return;
        const template = plan.instance.jobs.find((j) => j.id === a.jobId);
        if (!template) return;
        const { pinned: _pinned, ...rush } = { ...template, id: "RUSH", weight: 5, due: a.end };
        const event: RepairEvent = {
          version: 1,
          at: plan.instance.horizon.start,
          disruptions: [
            { type: "release-moved", jobId: a.jobId, release: at(minutes(a.start) - minutes(at(0)) + delay) },
            { type: "jobs-added", jobs: [rush] },
            { type: "job-cancelled", jobId: b.jobId },
          ],
        };
        const result = repairPlan(plan, event, { timeLimitMs: 60_000, iterationLimit: 40 });
        checkRepair(plan, event, result);
        expect(result.added).toEqual(["RUSH"]);
        expect(result.cancelled).toEqual([b.jobId]);
        const placed = result.plan.schedule.assignments.some((x) => x.jobId === "RUSH");
        const listed = result.plan.schedule.unscheduled.some((x) => x.jobId === "RUSH");
        expect(placed !== listed).toBe(true);
      }),
      { numRuns: 15 },
    );
  });

  it("makes no more voluntary moves than the cap allows", () => {
    fc.assert(
      fc.property(instanceArbitrary, fc.integer({ min: 0, max: 3 }), (instance, cap) => {
        const plan = planFor(instance);
        const first = plan.schedule.assignments[0];
        if (!first) return;
        const from = minutes(first.start) - minutes(at(0));
        const event: RepairEvent = { version: 1, at: at(0), disruptions: [{ type: "line-down", lineId: first.lineId, from: at(from), to: at(from + 480) }] };
        const result = repairPlan(plan, event, { timeLimitMs: 60_000, iterationLimit: 40, maxMoves: cap, moveWeight: 0 });
        checkRepair(plan, event, result);
        expect(result.moved.length).toBeLessThanOrEqual(result.displaced.length + cap);
      }),
      { numRuns: 15 },
    );
  });

  it("refuses events that do not fit the plan, naming the field", () => {
    const plan = planFor(fc.sample(instanceArbitrary, { seed: 9, numRuns: 1 })[0] as Instance);
    const event = (disruptions: RepairEvent["disruptions"]): RepairEvent => ({ version: 1, at: at(0), disruptions });
    expect(() => repairPlan(plan, event([{ type: "job-cancelled", jobId: "nope" }]), { timeLimitMs: 10 })).toThrow(RepairInputError);
    expect(() => repairPlan(plan, event([{ type: "line-down", lineId: "L9", from: at(0), to: at(60) }]), { timeLimitMs: 10 })).toThrow(/disruptions\[0\]\.lineId/);
    const broken: Plan = { ...plan, schedule: { ...plan.schedule, assignments: plan.schedule.assignments.slice(1) } };
    if (plan.schedule.assignments.length > 0) expect(() => repairPlan(broken, event([{ type: "job-cancelled", jobId: "J1" }]), { timeLimitMs: 10 })).toThrow(/not feasible/);
  });
});
