import { describe, expect, it } from "vitest";
import { validateMove } from "./validate-move";
import { T0, job, line, min, setups } from "./test-fixtures";

const base = { line: line(), lineJobs: [], setups, now: T0 };

describe("validateMove", () => {
  it("places a job with the setup its predecessor requires", () => {
    const before = job({ id: "A", code: "J-A", family: "steel", lineId: "L1", start: min(0), end: min(60) });
    const check = validateMove({ ...base, job: job({ family: "glass" }), start: min(105), lineJobs: [before] });
    expect(check).toEqual({ ok: true, start: min(105), end: min(165), setupMinutes: 45 });
  });

  it("counts the setup from the line's current family for the first job, and speed rounds processing up", () => {
    const fast = line({ speed: 1.5, currentFamily: "glass" });
    expect(validateMove({ ...base, line: fast, job: job({ minutes: 91 }), start: min(20) })).toEqual({ ok: true, start: min(20), end: min(81), setupMinutes: 20 });
  });

  it("refuses a line lacking a capability, naming it", () => {
    expect(validateMove({ ...base, job: job({ requires: ["foam", "glass-handling"] }), start: min(0) })).toEqual({
      ok: false, code: "MISSING_CAPABILITY", message: "NK-F1 cannot do glass-handling, which J-1 needs.",
    });
  });

  it("refuses before the release and in the past", () => {
    expect(validateMove({ ...base, job: job({ release: min(120) }), start: min(60) })).toMatchObject({ ok: false, code: "BEFORE_RELEASE" });
    expect(validateMove({ ...base, now: min(100), job: job(), start: min(60) })).toMatchObject({ ok: false, code: "IN_THE_PAST" });
  });

  it("refuses what does not fit in one window, setup included", () => {
    // 450 + 60 crosses the shift change at 480.
    expect(validateMove({ ...base, job: job(), start: min(450) })).toMatchObject({ ok: false, code: "OUTSIDE_WINDOW" });
    // A glass job at 490 needs 45 min of setup from 445: it starts in the earlier shift.
    expect(validateMove({ ...base, job: job({ family: "glass" }), start: min(490) })).toMatchObject({ ok: false, code: "OUTSIDE_WINDOW" });
  });

  it("refuses overlaps with the job before and with the job after (whose setup changes)", () => {
    const before = job({ id: "A", code: "J-A", lineId: "L1", start: min(0), end: min(60) });
    const after = job({ id: "B", code: "J-B", family: "steel", lineId: "L1", start: min(200), end: min(260) });
    expect(validateMove({ ...base, job: job(), start: min(30), lineJobs: [before, after] })).toMatchObject({ ok: false, code: "OVERLAP", message: expect.stringContaining("J-A") });
    // A glass job ending at 185 leaves B only 15 minutes to change back (needs 20).
    expect(validateMove({ ...base, job: job({ family: "glass" }), start: min(125), lineJobs: [before, after] })).toMatchObject({ ok: false, code: "OVERLAP", message: expect.stringContaining("J-B") });
    expect(validateMove({ ...base, job: job({ family: "glass" }), start: min(115), lineJobs: [before, after] })).toMatchObject({ ok: true });
  });

  it("refuses moving a job out when its neighbours then have no time to set up", () => {
    const source = line({ id: "L2", code: "NK-F2", currentFamily: "glass" });
    const a = job({ id: "A", code: "J-A", family: "glass", lineId: "L2", start: min(0), end: min(60) });
    const moving = job({ id: "M", code: "J-M", family: "steel", lineId: "L2", start: min(80), end: min(140) });
    const b = job({ id: "B", code: "J-B", family: "steel", lineId: "L2", start: min(140), end: min(200) });
    const check = validateMove({ ...base, job: moving, start: min(300), source: { line: source, jobs: [a, moving, b] } });
    // Without M, B must change over from glass (20 min) right after A (60) — it could start at 80: fine.
    expect(check).toMatchObject({ ok: true });
    const tight = job({ id: "B", code: "J-B", family: "steel", lineId: "L2", start: min(70), end: min(130) });
    const early = job({ ...moving, start: min(60), end: min(70), minutes: 10 });
    expect(validateMove({ ...base, job: early, start: min(300), source: { line: source, jobs: [a, early, tight] } })).toMatchObject({ ok: false, code: "LEAVES_NO_SETUP_TIME" });
  });

  it("never moves started, finished or locked jobs", () => {
    expect(validateMove({ ...base, job: job({ status: "running" }), start: min(0) })).toMatchObject({ ok: false, code: "NOT_MOVABLE" });
    expect(validateMove({ ...base, job: job({ status: "waiting_parts" }), start: min(0) })).toMatchObject({ ok: false, code: "NOT_MOVABLE" });
    expect(validateMove({ ...base, job: job({ locked: true }), start: min(0) })).toMatchObject({ ok: false, code: "LOCKED" });
  });
});

import { resequenceSetups } from "./resequence-setups";

describe("resequenceSetups", () => {
  it("finds the planned jobs whose setup changed with their new predecessor", () => {
    const jobs = [
      job({ id: "A", family: "glass", lineId: "L1", start: min(0), end: min(60), setupMinutes: 45 }),
      job({ id: "B", family: "steel", lineId: "L1", start: min(100), end: min(160), setupMinutes: 0 }),
      job({ id: "C", family: "steel", lineId: "L1", start: min(200), end: min(260), setupMinutes: 0, status: "running" }),
    ];
    expect(resequenceSetups(line(), jobs, setups)).toEqual([{ id: "B", setupMinutes: 20 }]);
  });
});
