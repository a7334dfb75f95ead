import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSchedule } from "../scheduling/check-schedule";
import { InstanceSchema, type Instance } from "../scheduling/instance-schema";
import { solve } from "../scheduling/solve";
import { arbitraryInstance, at } from "../scheduling/testing/arbitrary-instance";
import { buildPromisePlan, PromiseBoard, type Hold, type PromiseBase } from "./promise-plan";
import type { TrialRequest, TrialSlot } from "./trial-insertion";

function baseFor(instance: Instance): PromiseBase {
  const parsed = InstanceSchema.parse(instance);
  const { schedule } = solve(parsed, { timeLimitMs: 60_000, iterationLimit: 20, seed: 5 });
  const pinned = new Set(parsed.jobs.filter((job) => job.pinned).map((job) => job.id));
  return { instance: parsed, assignments: schedule.assignments.filter((a) => !pinned.has(a.jobId)).map(({ jobId, lineId, start }) => ({ jobId, lineId, start })) };
}

const unitArbitrary = (express: boolean) =>
  fc.record({
    family: fc.constantFrom("A", "B", "C", "N"),
    requires: fc.subarray(["cut", "weld", "paint"], { maxLength: 1 }),
    minutes: fc.integer({ min: 10, max: 240 }),
    weight: express ? fc.constant(3) : fc.constant(1),
    express: fc.constant(express),
  });

const requestArbitrary = (express: boolean) =>
  fc
    .record({ units: fc.array(unitArbitrary(express), { minLength: 1, maxLength: 2 }), release: fc.integer({ min: 0, max: 2000 }) })
    .map(({ units, release }): TrialRequest => ({ units, release: at(release), notBefore: at(0) }));

const operationArbitrary = (express: boolean) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.array(requestArbitrary(express), { minLength: 1, maxLength: 2 }).map((items) => ({ kind: "order" as const, items })) },
    { weight: 1, arbitrary: fc.nat().map((pick) => ({ kind: "drop" as const, pick })) },
  );

/** The capacity an order's trial found, held as a hold (what the app does after a promise). */
function holdOf(id: string, items: TrialRequest[], answers: Array<TrialSlot[] | null>): Hold {
  return {
    id,
    units: answers.flatMap((slots, index) =>
      (slots ?? []).map((slot, unit) => {
        const spec = items[index]!.units[unit]!;
        return { lineId: slot.lineId, start: slot.start, end: slot.end, family: spec.family, requires: spec.requires, minutes: spec.minutes, due: slot.end };
      }),
    ),
  };
}

type Operation = { kind: "order"; items: TrialRequest[] } | { kind: "drop"; pick: number };

/**
 * Orders are asked of one board kept up to date (each answer held, a drop taking a hold away)
 * and of a board compiled afresh with the same holds: the answers must be the same.
 */
function expectAnswersAsCompiledAfresh(base: PromiseBase, operations: readonly Operation[]): void {
  const board = new PromiseBoard(base, []);
  const holds: Hold[] = [];
  operations.forEach((operation, index) => {
    if (operation.kind === "drop") {
      if (holds.length === 0) return;
      const [dropped] = holds.splice(operation.pick % holds.length, 1);
      board.updateHolds([], [dropped!.id]);
      return;
    }
    const answers = board.trial(operation.items);
    expect(answers).toEqual(new PromiseBoard(base, holds).trial(operation.items));
    if (answers.every((slots) => slots !== null)) {
      const hold = holdOf(`h${index}`, operation.items, answers);
      holds.push(hold);
      board.updateHolds([hold], []);
    }
  });
  // and the held capacity never overlaps: the plan with every hold is feasible
  const plan = buildPromisePlan(base, holds);
  expect(checkSchedule(plan.instance, plan.schedule).violations).toEqual([]);
}

describe("PromiseBoard", () => {
  it("answers as a board compiled afresh with the same holds, as holds come and go one by one", () => {
    fc.assert(
      fc.property(arbitraryInstance({ minJobs: 6, maxJobs: 18, maxLines: 3, roomy: true }), fc.array(operationArbitrary(false), { minLength: 1, maxLength: 10 }), (instance, operations) =>
        expectAnswersAsCompiledAfresh(baseFor(instance), operations),
      ),
      { numRuns: 40 },
    );
  });

  it("holds an order before a hold the line had let run earlier than its place, as a board compiled with both would (a shrunk counterexample)", () => {
    // h0 holds day 2 at 06:00 after family A. Once a family C hold is before it (h2, dropped,
    // had kept them apart), the C→A setup no longer fits into day 2's window before 06:00 and
    // the line lets h0 run on day 1 at 07:37. h5, held at 07:50, goes before h0 on a compiled
    // board — h0 is meant to be on day 2, and is there again after h5's family A — and the
    // next order must find 07:37 free on both.
    const windows = Array.from({ length: 6 }, (_, d) => ({ start: at(d * 1440 + 360), end: at(d * 1440 + 1320) }));
    const jobs = Array.from({ length: 6 }, (_, i) => ({ id: `J${i + 1}`, family: "A", requires: [], minutes: 5, due: at(30) }));
    const base: PromiseBase = {
      instance: InstanceSchema.parse({ version: 1, horizon: { start: at(0), end: at(6 * 1440) }, lines: [{ id: "L1", capabilities: ["weld"], speed: 0.8, windows }], setups: { default: 8, matrix: { C: { B: 45 } } }, jobs }),
      assignments: jobs.map((job, i) => ({ jobId: job.id, lineId: "L1", start: at(360 + 7 * i) })),
    };
    const order = (...items: Array<[family: string, release: number]>): Operation => ({
      kind: "order",
      items: items.map(([family, release]) => ({ units: [{ family, requires: [], minutes: 10, weight: 1, express: false }], release: at(release), notBefore: at(0) })),
    });
    expectAnswersAsCompiledAfresh(base, [order(["A", 1308]), order(["A", 0]), order(["A", 457]), order(["C", 436], ["A", 0]), { kind: "drop", pick: 2 }, order(["A", 0]), order(["A", 0])]);
  });

  it("re-anchors the holds after a dropped one as a board compiled without it would (a setup that changed unsticks them)", () => {
    const day = (hh: string) => `2026-12-07T${hh}:00Z`;
    const windows = [7, 8, 9].flatMap((d) => [
      { start: `2026-12-0${d}T06:00:00Z`, end: `2026-12-0${d}T10:00:00Z` },
      { start: `2026-12-0${d}T10:30:00Z`, end: `2026-12-0${d}T16:40:00Z` },
    ]);
    const jobs = Array.from({ length: 15 }, (_, i) => ({ id: `J${i + 1}`, family: i === 14 ? "C" : "A", requires: [], minutes: 5, due: day("00:30") }));
    const base = baseFor(InstanceSchema.parse({ version: 1, horizon: { start: day("00:00"), end: "2026-12-10T00:00:00Z" }, lines: [{ id: "L1", capabilities: ["paint"], speed: 0.8, windows }], setups: { default: 20, matrix: { B: { A: 0 } } }, jobs }));
    const order = (minutes: number): TrialRequest[] => [{ units: [{ family: "A", requires: [], minutes, weight: 1, express: false }], release: day("00:00"), notBefore: day("00:00") }];
    const board = new PromiseBoard(base, []);
    // the first hold goes after the planned C job (a setup of 20); the second after it (none),
    // in the next window: it stays at that window's start only while the first is there
    const first = holdOf("first", order(10), board.trial(order(10)));
    board.updateHolds([first], []);
    const second = holdOf("second", order(66), board.trial(order(66)));
    expect(second.units[0]!.start).toBe(day("10:30"));
    board.updateHolds([second], []);
    board.updateHolds([], ["first"]);
    expect(board.trial(order(10))).toEqual(new PromiseBoard(base, [second]).trial(order(10)));
    expect(board.trial(order(10))[0]![0]!.start).toBe(day("10:30"));
  });

  it("lets a planned job a dropped hold had pushed go back to its place, as a board compiled without the hold would", () => {
    const day = (hh: string) => `2026-12-07T${hh}:00Z`;
    const windows = [7, 8].flatMap((d) => [
      { start: `2026-12-0${d}T06:00:00Z`, end: `2026-12-0${d}T10:00:00Z` },
      { start: `2026-12-0${d}T10:30:00Z`, end: `2026-12-0${d}T16:40:00Z` },
    ]);
    const jobs = Array.from({ length: 9 }, (_, i) => ({ id: `J${i + 1}`, family: "A", requires: [], minutes: 5, due: day("00:30"), ...(i === 6 ? { release: day("13:35"), due: day("14:05") } : {}) }));
    const base = baseFor(InstanceSchema.parse({ version: 1, horizon: { start: day("00:00"), end: "2026-12-09T00:00:00Z" }, lines: [{ id: "L1", capabilities: ["paint"], speed: 0.8, windows }], setups: { default: 7, matrix: { C: { B: 59 } } }, jobs }));
    const unit = (family: string, minutes: number) => ({ family, requires: [], minutes, weight: 1, express: false });
    const items: TrialRequest[] = [
      { units: [unit("B", 10), unit("B", 142)], release: day("00:00"), notBefore: day("00:00") },
      { units: [unit("A", 10)], release: day("00:00"), notBefore: day("00:00") },
    ];
    const board = new PromiseBoard(base, []);
    // the order's units go around J7 (planned at 13:35); dropped one by one, their setups change
    // on the way and push J7, which must come back
    board.updateHolds([holdOf("order", items, board.trial(items))], []);
    board.updateHolds([], ["order"]);
    const later: TrialRequest[] = [{ units: [unit("A", 17)], release: day("13:14"), notBefore: day("00:00") }];
    expect(board.trial(later)).toEqual(new PromiseBoard(base, []).trial(later));
  });

  it("is left as it was by a trial, express pushes and orders of several lines included", () => {
    fc.assert(
      fc.property(arbitraryInstance({ minJobs: 6, maxJobs: 18, maxLines: 3, roomy: true }), fc.array(operationArbitrary(true), { minLength: 1, maxLength: 8 }), (instance, operations) => {
        const board = new PromiseBoard(baseFor(instance), []);
        operations.forEach((operation, index) => {
          if (operation.kind === "drop") return;
          const answers = board.trial(operation.items);
          expect(board.trial(operation.items)).toEqual(answers);
          // an order's lines never share time on a line
          const slots = answers.flatMap((line) => line ?? []);
          for (const a of slots) {
            for (const b of slots) {
              if (a !== b && a.lineId === b.lineId) expect(a.end <= b.start || b.end <= a.start).toBe(true);
            }
          }
          if (answers.every((line) => line !== null)) board.updateHolds([holdOf(`x${index}`, operation.items, answers)], []);
        });
      }),
      { numRuns: 30 },
    );
  });

  it("holds what a trial found when asked to — every line or none; an express unit where it pushed a planned job", () => {
    const day = (d: number, hh: number) => `2026-12-${String(d).padStart(2, "0")}T${String(hh).padStart(2, "0")}:00:00Z`;
    const windows = [7, 8, 9, 10, 11].map((d) => ({ start: day(d, 6), end: day(d, 14) }));
    const base: PromiseBase = {
      instance: InstanceSchema.parse({
        version: 1,
        horizon: { start: day(7, 0), end: day(12, 0) },
        lines: [
          { id: "L1", capabilities: ["a"], speed: 1, windows },
          { id: "L2", capabilities: ["a"], speed: 1, windows },
        ],
        setups: { default: 0 },
        jobs: [
          { id: "J1", family: "f", requires: ["a"], minutes: 420, due: day(7, 13) },
          { id: "J2", family: "f", requires: ["a"], minutes: 420, due: day(9, 14) },
        ],
      }),
      assignments: [
        { jobId: "J1", lineId: "L1", start: day(7, 6) },
        { jobId: "J2", lineId: "L2", start: day(7, 6) },
      ],
    };
    const unit = { family: "f", requires: ["a"], minutes: 60, weight: 1, express: false };
    const request = (overrides: Partial<typeof unit> = {}): TrialRequest => ({ units: [{ ...unit, ...overrides }], release: day(7, 0), notBefore: day(7, 0) });
    const board = new PromiseBoard(base, []);

    const [express] = board.trial([request({ weight: 3, express: true })], ["x"]);
    expect(express).toEqual([{ lineId: "L2", start: day(7, 6), end: day(7, 7), setupMinutes: 0, pushed: 1 }]);
    // held: the next question goes around it, as on a board compiled with that hold
    const held: Hold = { id: "x", units: [{ lineId: "L2", start: day(7, 6), end: day(7, 7), family: "f", requires: ["a"], minutes: 60, due: day(7, 7) }] };
    expect(buildPromisePlan(base, [held]).schedule.assignments.map((a) => [a.jobId, a.start])).toEqual([
      ["J1", day(7, 6)],
      ["hold:x:0", day(7, 6)],
      ["J2", day(7, 7)],
    ]);
    const after = board.trial([request()]);
    expect(after).toEqual(new PromiseBoard(base, [held]).trial([request()]));
    expect(after).toEqual([[{ lineId: "L1", start: day(7, 13), end: day(7, 14), setupMinutes: 0, pushed: 0 }]]);

    // one line without room: nothing is held for the other either
    expect(board.trial([request(), request({ minutes: 600 })], ["y", "z"])).toEqual([after[0], null]);
    expect(board.trial([request()])).toEqual(after);
    // held, then its due date told: the same place
    board.trial([request()], ["y"]);
    board.updateHolds([{ id: "y", units: [{ lineId: "L1", start: day(7, 13), end: day(7, 14), family: "f", requires: ["a"], minutes: 60, due: day(9, 14) }] }], []);
    expect(board.trial([request()])).toEqual([[{ lineId: "L1", start: day(8, 6), end: day(8, 7), setupMinutes: 0, pushed: 0 }]]);
  });

  it("keeps answering as a fresh board past the room it was compiled with (hundreds of holds)", () => {
    const days = 40;
    const windows = Array.from({ length: days }, (_, d) => ({ start: at(d * 1440 + 360), end: at(d * 1440 + 1320) }));
    const base: PromiseBase = {
      instance: InstanceSchema.parse({
        version: 1,
        horizon: { start: at(0), end: at(days * 1440) },
        lines: [
          { id: "L1", capabilities: ["cut"], speed: 1, windows, initialFamily: "A" },
          { id: "L2", capabilities: ["cut", "weld"], speed: 1.25, windows },
        ],
        setups: { default: 15, matrix: { A: { B: 30 }, B: { A: 20 } } },
        jobs: [],
      }),
      assignments: [],
    };
    const board = new PromiseBoard(base, []);
    const holds: Hold[] = [];
    for (let i = 0; i < 600; i++) {
      const items: TrialRequest[] = [{ units: [{ family: ["A", "B", "Z"][i % 3]!, requires: i % 4 === 0 ? ["weld"] : [], minutes: 30 + (i % 7) * 10, weight: 1, express: false }], release: at((i * 37) % 3000), notBefore: at(0) }];
      const answers = board.trial(items);
      if (i % 60 === 0) expect(answers).toEqual(new PromiseBoard(base, holds).trial(items));
      expect(answers[0]).not.toBeNull();
      // every fifth order, an earlier hold ends (a quote expired, an order was planned)
      const ended = i % 5 === 0 && holds.length > 0 ? holds.splice(i % holds.length, 1)[0]!.id : null;
      const hold = holdOf(`h${i}`, items, answers);
      holds.push(hold);
      board.updateHolds([hold], ended ? [ended] : []);
    }
    const plan = buildPromisePlan(base, holds);
    expect(plan.schedule.assignments).toHaveLength(holds.length);
    expect(checkSchedule(plan.instance, plan.schedule).violations).toEqual([]);
  });
});
