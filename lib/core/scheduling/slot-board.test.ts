import { describe, expect, it } from "vitest";
import type { Anchor } from "./compile-instance";
import { InstanceSchema, type Instance } from "./instance-schema";
import { SlotBoard, type HeldJob } from "./slot-board";
import { at } from "./testing/arbitrary-instance";

/** One line, 06:00-14:00 on each day of the horizon, speed 1; planned jobs of 60 minutes. */
function lineInstance(days: number, setups: Instance["setups"], planned: Array<{ id: string; family: string; start: number }>): { instance: Instance; anchors: Map<string, Anchor> } {
  const instance = InstanceSchema.parse({
    version: 1,
    horizon: { start: at(0), end: at(days * 1440) },
    lines: [{ id: "L1", capabilities: ["cut"], speed: 1, windows: Array.from({ length: days }, (_, d) => ({ start: at(d * 1440 + 360), end: at(d * 1440 + 840) })) }],
    setups,
    jobs: planned.map((job) => ({ id: job.id, family: job.family, requires: [], minutes: 60, due: at(job.start + 60) })),
  });
  return { instance, anchors: new Map(planned.map((job) => [job.id, { lineId: "L1", start: at(job.start) }])) };
}

/** Room for a few holds, of any of the families the tests use. */
const options = { exact: false, spareJobs: 4, families: ["A", "B", "C"] };

const held = (id: string, family: string, start: number, minutes: number): HeldJob => ({ id, lineId: "L1", start: at(start), family, requires: [], minutes, due: at(start + minutes) });

/** The board compiled afresh with the plan and these holds: what an incremental board must equal. */
function compiledWith(instance: Instance, anchors: ReadonlyMap<string, Anchor>, holds: readonly HeldJob[]): SlotBoard {
  const heldJobs = holds.map(({ id, family, requires, minutes, due }) => ({ id, family, requires, minutes, due }));
  const heldAnchors = holds.map((job): [string, Anchor] => [job.id, { lineId: job.lineId, start: job.start }]);
  return new SlotBoard({ ...instance, jobs: [...heldJobs, ...instance.jobs] }, new Map([...anchors, ...heldAnchors]), { ...options, held: new Set(holds.map((job) => job.id)) });
}

const placements = (board: SlotBoard) =>
  board
    .schedule()
    .assignments.map((a) => `${a.jobId} ${a.start}`)
    .sort();

describe("SlotBoard", () => {
  it("lets a job a hold had pushed go back to its place when a later hold before it shortens its setup", () => {
    // P (A) is planned at 10:00; H1 (C, 08:50-09:50) pushes it to 10:20 (C→A 30); H2 (B) held at
    // 09:50 ends at 10:00 and B→A takes no setup, so P is at 10:00 again on a board compiled so
    const { instance, anchors } = lineInstance(1, { default: 0, matrix: { C: { A: 30 } } }, [{ id: "P", family: "A", start: 600 }]);
    const board = new SlotBoard(instance, anchors, options);
    const holds = [held("H1", "C", 530, 60), held("H2", "B", 590, 10)];
    expect(board.hold(holds[0]!)).toBe(true);
    expect(board.schedule().assignments.find((a) => a.jobId === "P")?.start).toBe(at(620));
    expect(board.hold(holds[1]!)).toBe(true);
    expect(board.schedule().assignments.find((a) => a.jobId === "P")?.start).toBe(at(600));
    expect(placements(board)).toEqual(placements(compiledWith(instance, anchors, holds)));
  });

  it("puts a hold where a board compiled with it would: by where the jobs are meant to be, not where the line let them go", () => {
    // X (A) holds day 2 at 06:00 after P (A). A hold of family C before it leaves no room for
    // its C→A setup in day 2's window before 06:00, so X runs on day 1 after the C hold. Y,
    // held on day 1 after X's run there, comes before X on a compiled board (X is meant to
    // be on day 2), and there X holds day 2 at 06:00 again (Y's family A needs no setup).
    const { instance, anchors } = lineInstance(2, { default: 8 }, [{ id: "P", family: "A", start: 360 }]);
    const board = new SlotBoard(instance, anchors, options);
    const holds = [held("X", "A", 1440 + 360, 10), held("C", "C", 480, 10), held("Y", "A", 540, 10)];
    expect(board.hold(holds[0]!)).toBe(true);
    expect(board.hold(holds[1]!)).toBe(true);
    expect(board.schedule().assignments.find((a) => a.jobId === "X")?.start).toBe(at(498));
    expect(board.hold(holds[2]!)).toBe(true);
    expect(board.schedule().assignments.find((a) => a.jobId === "X")?.start).toBe(at(1440 + 360));
    expect(placements(board)).toEqual(placements(compiledWith(instance, anchors, holds)));
  });

  it("gives a job left without room its place again when a removal makes room, as a compiled board would", () => {
    // one day; an express hold at 12:00 pushes P (13:00) past the last window; dropped, P is back
    const { instance, anchors } = lineInstance(1, { default: 0 }, [{ id: "P", family: "A", start: 780 }]);
    const board = new SlotBoard(instance, anchors, options);
    expect(board.hold(held("H", "A", 720, 90))).toBe(true);
    expect(board.schedule().unscheduled.map((u) => u.jobId)).toEqual(["P"]);
    board.remove("H");
    expect(board.schedule().assignments.find((a) => a.jobId === "P")?.start).toBe(at(780));
    expect(placements(board)).toEqual(placements(compiledWith(instance, anchors, [])));
  });

  it("keeps a hold without room on the books, and gives it its place when a removal makes room", () => {
    const { instance, anchors } = lineInstance(1, { default: 0 }, [{ id: "P", family: "A", start: 360 }]);
    const board = new SlotBoard(instance, anchors, options);
    expect(board.hold(held("H1", "A", 420, 400))).toBe(true);
    // H2 overlaps H1 (it ends 13:40) and nothing fits after it: H2 holds nothing for now
    expect(board.hold(held("H2", "A", 800, 30))).toBe(false);
    expect(board.has("H2")).toBe(true);
    expect(placements(board)).toEqual(placements(compiledWith(instance, anchors, [held("H1", "A", 420, 400), held("H2", "A", 800, 30)])));
    board.remove("H1");
    expect(board.schedule().assignments.find((a) => a.jobId === "H2")?.start).toBe(at(800));
    expect(placements(board)).toEqual(placements(compiledWith(instance, anchors, [held("H2", "A", 800, 30)])));
  });

  it("puts a hold after one held before it at the same start, as a board compiled with both would", () => {
    const { instance, anchors } = lineInstance(1, { default: 0 }, []);
    const first = held("H1", "A", 420, 30), second = held("H2", "A", 420, 30);
    const board = new SlotBoard({ ...instance, jobs: [{ id: "H1", family: "A", requires: [], minutes: 30, due: first.due }] }, new Map([["H1", { lineId: "L1", start: first.start }]]), { ...options, held: new Set(["H1"]) });
    expect(board.hold(second)).toBe(true);
    expect(board.schedule().assignments.map((a) => [a.jobId, a.start])).toEqual([
      ["H1", at(420)],
      ["H2", at(450)],
    ]);
    expect(placements(board)).toEqual(placements(compiledWith(instance, anchors, [first, second])));
  });

  it("is put back exactly by a rollback after holds and removals, a job left without room included", () => {
    const { instance, anchors } = lineInstance(1, { default: 0, matrix: { C: { A: 30 } } }, [
      { id: "P", family: "A", start: 600 },
      { id: "Q", family: "A", start: 780 },
    ]);
    const board = new SlotBoard(instance, anchors, options);
    board.hold(held("H1", "C", 530, 60));
    const before = placements(board);
    board.checkpoint();
    board.hold(held("H2", "B", 590, 10));
    // H3 leaves Q no room before the day ends
    board.hold(held("H3", "A", 720, 90));
    expect(board.schedule().unscheduled.map((u) => u.jobId)).toEqual(["Q"]);
    board.remove("H2");
    board.rollback();
    expect(placements(board)).toEqual(before);
    expect(board.has("H2")).toBe(false);
    expect(board.has("H3")).toBe(false);
    board.remove("H1");
    expect(placements(board)).toEqual(placements(compiledWith(instance, anchors, [])));
  });
});
