import { describe, expect, it } from "vitest";
import { checkSchedule } from "../scheduling/check-schedule";
import type { Instance } from "../scheduling/instance-schema";
import { buildPromisePlan, holdJobId, PromiseBoard, type PromiseBase } from "./promise-plan";
import type { TrialRequest, TrialUnit } from "./trial-insertion";

const day = (d: number, hh: number, mm = 0) => `2026-12-${String(d).padStart(2, "0")}T${String(hh).padStart(2, "0")}:${String(mm).padStart(2, "0")}:00Z`;
const shifts = [7, 8, 9, 10, 11].map((d) => ({ start: day(d, 6), end: day(d, 14) }));

function factory(jobs: Instance["jobs"], windows = { L1: shifts, L2: shifts }): Instance {
  return {
    version: 1,
    horizon: { start: day(7, 0), end: day(12, 0) },
    lines: [
      { id: "L1", capabilities: ["a"], speed: 1, windows: windows.L1 },
      { id: "L2", capabilities: ["a", "b"], speed: 1, windows: windows.L2 },
    ],
    setups: { default: 0 },
    jobs,
  };
}

const unit = (overrides: Partial<TrialUnit> = {}): TrialUnit => ({ family: "f", requires: ["a"], minutes: 60, weight: 1, express: false, ...overrides });

/** One order line's trial on a promise board. */
const trialOn = (board: PromiseBoard) => (request: TrialRequest) => board.trial([request])[0]!;

describe("buildPromisePlan", () => {
  it("is the published plan itself while the factory still allows it", () => {
    const base: PromiseBase = {
      instance: factory([
        { id: "J1", family: "f", requires: ["a"], minutes: 240, due: day(8, 14) },
        { id: "J2", family: "f", requires: ["b"], minutes: 120, due: day(8, 14) },
      ]),
      assignments: [
        { jobId: "J1", lineId: "L1", start: day(7, 6) },
        { jobId: "J2", lineId: "L2", start: day(7, 8) },
      ],
    };
    const plan = buildPromisePlan(base, []);
    expect(plan.schedule.assignments.map((a) => [a.jobId, a.lineId, a.start, a.end])).toEqual([
      ["J1", "L1", day(7, 6), day(7, 10)],
      ["J2", "L2", day(7, 8), day(7, 10)],
    ]);
    expect(checkSchedule(plan.instance, plan.schedule).violations).toEqual([]);
  });

  it("moves a job later when its line lost the time it was planned in (an outage), and keeps the others", () => {
    const down = { L1: shifts.filter((w) => !w.start.startsWith("2026-12-07")), L2: shifts };
    const base: PromiseBase = {
      instance: factory(
        [
          { id: "J1", family: "f", requires: ["a"], minutes: 240, due: day(8, 14) },
          { id: "J2", family: "f", requires: ["b"], minutes: 120, due: day(8, 14) },
        ],
        down,
      ),
      assignments: [
        { jobId: "J1", lineId: "L1", start: day(7, 6) },
        { jobId: "J2", lineId: "L2", start: day(7, 8) },
      ],
    };
    const plan = buildPromisePlan(base, []);
    expect(plan.schedule.assignments.find((a) => a.jobId === "J1")).toMatchObject({ lineId: "L1", start: day(8, 6) });
    expect(plan.schedule.assignments.find((a) => a.jobId === "J2")).toMatchObject({ lineId: "L2", start: day(7, 8) });
  });

  it("holds capacity for quotes: a new order goes around it, and past holds hold nothing", () => {
    const base: PromiseBase = { instance: factory([]), assignments: [] };
    const holds = [
      { id: "q1", units: [{ lineId: "L1", start: day(7, 6), end: day(7, 14), family: "f", requires: ["a"], minutes: 480, due: day(9, 14) }] },
      { id: "q2", units: [{ lineId: "L2", start: day(7, 6), end: day(7, 10), family: "f", requires: ["a"], minutes: 240, due: day(9, 14) }] },
      { id: "old", units: [{ lineId: "L2", start: day(6, 6), end: day(6, 10), family: "f", requires: ["a"], minutes: 240, due: day(6, 14) }] },
    ];
    const plan = buildPromisePlan(base, holds);
    expect(plan.instance.jobs.map((job) => job.id).sort()).toEqual([holdJobId("q1", 0), holdJobId("q2", 0)]);
    const slots = trialOn(new PromiseBoard(base, holds))({ units: [unit()], release: day(7, 0), notBefore: day(7, 0) });
    expect(slots).toEqual([{ lineId: "L2", start: day(7, 10), end: day(7, 11), setupMinutes: 0, pushed: 0 }]);
  });
});

describe("trialInsertion", () => {
  const base: PromiseBase = {
    instance: factory([
      { id: "J1", family: "f", requires: ["a"], minutes: 420, due: day(7, 13) },
      { id: "J2", family: "f", requires: ["a"], minutes: 420, due: day(9, 14) },
    ]),
    assignments: [
      { jobId: "J1", lineId: "L1", start: day(7, 6) },
      { jobId: "J2", lineId: "L2", start: day(7, 6) },
    ],
  };
  const trialInsertion = trialOn(new PromiseBoard(base, []));

  it("finds the earliest finish, after the release and not before now, and leaves the plan as it was", () => {
    expect(trialInsertion({ units: [unit()], release: day(7, 0), notBefore: day(7, 0) })).toEqual([
      { lineId: "L1", start: day(7, 13), end: day(7, 14), setupMinutes: 0, pushed: 0 },
    ]);
    expect(trialInsertion({ units: [unit()], release: day(9, 9), notBefore: day(7, 0) })?.[0]).toMatchObject({ start: day(9, 9), end: day(9, 10) });
    expect(trialInsertion({ units: [unit()], release: day(7, 0), notBefore: day(8, 7) })?.[0]).toMatchObject({ start: day(8, 7) });
    // the board is untouched: the same question gets the same answer
    expect(trialInsertion({ units: [unit()], release: day(7, 0), notBefore: day(7, 0) })?.[0]?.start).toBe(day(7, 13));
  });

  it("places the units of one line one after another, never on the same time", () => {
    const slots = trialInsertion({ units: [unit(), unit(), unit()], release: day(7, 0), notBefore: day(7, 0) })!;
    expect(slots.map((slot) => `${slot.lineId} ${slot.start}`)).toEqual([`L1 ${day(7, 13)}`, `L2 ${day(7, 13)}`, `L1 ${day(8, 6)}`]);
  });

  it("lets express push a planned job that stays on time, never one that would become late", () => {
    const express = unit({ weight: 3, express: true });
    // J1 ends at its due time and cannot move; J2 (due Wed 9) can: the express unit starts at once on L2.
    expect(trialInsertion({ units: [express], release: day(7, 0), notBefore: day(7, 0) })).toEqual([
      { lineId: "L2", start: day(7, 6), end: day(7, 7), setupMinutes: 0, pushed: 1 },
    ]);
    // With J2 due as tightly, nobody may be pushed: the gap it is.
    const tight = new PromiseBoard({ ...base, instance: { ...base.instance, jobs: base.instance.jobs.map((job) => ({ ...job, due: day(7, 13) })) } }, []);
    expect(trialOn(tight)({ units: [express], release: day(7, 0), notBefore: day(7, 0) })?.[0]).toMatchObject({ start: day(7, 13), pushed: 0 });
  });

  it("has no answer when a unit finds no room in the horizon or no capable line", () => {
    expect(trialInsertion({ units: [unit({ requires: ["c"] })], release: day(7, 0), notBefore: day(7, 0) })).toBeNull();
    expect(trialInsertion({ units: [unit({ minutes: 600 })], release: day(7, 0), notBefore: day(7, 0) })).toBeNull();
  });
});
