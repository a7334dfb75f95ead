import { describe, expect, it } from "vitest";
import { checkSchedule } from "./check-schedule";
import type { Assignment, Schedule } from "./schedule-schema";
import { at } from "./testing/arbitrary-instance";
import { EXAMPLE_JOBS, exampleInstance } from "./testing/example-instance";

const instance = exampleInstance([
  ...EXAMPLE_JOBS,
  { id: "PIN", family: "B", requires: ["cut"], minutes: 11, due: at(1000), pinned: { lineId: "L1", start: at(1000) } },
]);
const valid: Assignment[] = [
  { jobId: "J1", lineId: "L1", start: at(360), end: at(390), setupMinutes: 0 },
  { jobId: "J2", lineId: "L1", start: at(400), end: at(420), setupMinutes: 10 },
  { jobId: "J3", lineId: "L1", start: at(450), end: at(510), setupMinutes: 30 },
  { jobId: "PIN", lineId: "L1", start: at(1000), end: at(1010), setupMinutes: 10 },
  { jobId: "J4", lineId: "L1", start: at(1810), end: at(2210), setupMinutes: 0 },
];
const schedule = (assignments: Assignment[], unscheduled: Schedule["unscheduled"] = []): Schedule => ({ assignments, unscheduled });
const replace = (jobId: string, change: Partial<Assignment>) => valid.map((a) => (a.jobId === jobId ? { ...a, ...change } : a));
const codes = (s: Schedule) => checkSchedule(instance, s).violations.map((v) => v.split(":")[0]);

describe("checkSchedule", () => {
  it("accepts a feasible schedule and recomputes its objective", () => {
    const check = checkSchedule(instance, schedule(valid));
    expect(check.violations).toEqual([]);
    expect(check.feasible).toBe(true);
    // J1 2*10, J3 3*30, PIN 10, J4 1370
    expect(check.weightedTardiness).toBe(20 + 90 + 10 + 1370);
    expect(check.setupMinutes).toBe(50);
    expect(check.makespan).toBe(2210);
  });

  it("finds every kind of violation", () => {
    expect(codes(schedule(replace("J2", { end: at(421) })))).toContain("duration");
    expect(codes(schedule(replace("J2", { setupMinutes: 0 })))).toEqual(["setup-value"]);
    expect(codes(schedule(replace("J2", { start: at(395), end: at(415) })))).toEqual(["setup-gap"]);
    expect(codes(schedule(replace("J2", { start: at(380), end: at(400) })))).toContain("overlap");
    const released = { ...instance, jobs: instance.jobs.map((j) => (j.id === "J1" ? { ...j, release: at(365) } : j)) };
    expect(checkSchedule(released, schedule(valid)).violations.map((v) => v.split(":")[0])).toEqual(["release"]);
    expect(codes(schedule(replace("J4", { start: at(900), end: at(1300) })))).toContain("window");
    expect(codes(schedule(replace("PIN", { start: at(1100), end: at(1110) })))).toEqual(["pinned"]);
    expect(codes(schedule(valid.filter((a) => a.jobId !== "J4")))).toEqual(["missing"]);
    expect(codes(schedule([...valid, valid[0] as Assignment]))).toEqual(["duplicate"]);
    expect(codes(schedule(valid, [{ jobId: "J1", reason: "?" }]))).toEqual(["duplicate"]);
    expect(codes(schedule(replace("J1", { jobId: "J9" })))).toEqual(["unknown-job", "missing"]);
    expect(codes(schedule(replace("J1", { lineId: "L7" })))).toContain("unknown-line");
    expect(codes(schedule(replace("J1", { start: "2026-12-07T06:00:30Z" })))).toEqual(["format"]);
  });

  it("checks capabilities and the horizon", () => {
    const twoLines = { ...instance, lines: [...instance.lines, { id: "L2", capabilities: [] }] };
    const moved = replace("J1", { lineId: "L2", start: at(0), end: at(33), setupMinutes: 0 });
    expect(checkSchedule(twoLines, schedule(moved)).violations.map((v) => v.split(":")[0])).toEqual(["capability"]);
    const early = replace("J1", { lineId: "L2", start: at(-10), end: at(23), setupMinutes: 0 });
    expect(checkSchedule(twoLines, schedule(early)).violations.map((v) => v.split(":")[0])).toEqual(["capability", "window", "horizon"]);
  });

  it("counts listed unscheduled jobs in the first objective term", () => {
    const check = checkSchedule(instance, schedule(valid.filter((a) => a.jobId !== "J4"), [{ jobId: "J4", reason: "no room" }]));
    expect(check.feasible).toBe(true);
    expect(check.unscheduled).toBe(1);
  });
});
