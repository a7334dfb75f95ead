import { describe, expect, it } from "vitest";
import type { LineEvent } from "../line-protocol/event";
import { applyLineEvent, type JobState, type LineState } from "./apply-line-event";

const NOW = new Date("2026-12-01T10:00:00Z");
const context = { now: NOW, maxFutureSkewMs: 60_000 };
const line: LineState = { id: "L1", lastSeq: 10, status: "idle", statusReason: null, lastEventAt: null, currentFamily: null };
const job = (overrides: Partial<JobState> = {}): JobState => ({
  id: "J1", lineId: "L1", family: "fridge-steel", status: "queued", interruptedAt: null, interruptCause: null,
  progress: 0, goodCount: 0, scrapCount: 0, startedAt: null, completedAt: null, failReason: null, ...overrides,
});
const at = "2026-12-01T09:59:00Z";

describe("applyLineEvent", () => {
  it("treats seq at or below the stored one as a duplicate", () => {
    expect(applyLineEvent(line, null, { seq: 10, at, type: "status", status: "down" }, context)).toEqual({ kind: "duplicate" });
    expect(applyLineEvent(line, null, { seq: 3, at, type: "status", status: "down" }, context)).toEqual({ kind: "duplicate" });
  });

  it("records a status change with its reason and moves lastSeq and the last event time", () => {
    const decision = applyLineEvent(line, null, { seq: 11, at, type: "status", status: "down", reason: "motor" }, context);
    expect(decision).toMatchObject({ kind: "accepted", line: { lastSeq: 11, status: "down", statusReason: "motor", lastEventAt: new Date(at) }, job: null });
  });

  it("refuses times too far in the future and too far in the past", () => {
    const future = applyLineEvent(line, null, { seq: 11, at: "2026-12-01T10:01:01Z", type: "status", status: "idle" }, context);
    expect(future).toMatchObject({ kind: "refused", error: { code: "EVENT_IN_FUTURE", retryable: false } });
    const withinSkew = applyLineEvent(line, null, { seq: 11, at: "2026-12-01T10:00:59Z", type: "status", status: "idle" }, context);
    expect(withinSkew.kind).toBe("accepted");
    const ancient = applyLineEvent(line, null, { seq: 11, at: "2025-01-01T00:00:00Z", type: "status", status: "idle" }, context);
    expect(ancient).toMatchObject({ kind: "refused", error: { code: "EVENT_TOO_OLD" } });
  });

  it("refuses events about another line's job, an unknown job, or one not yet queued", () => {
    const event: LineEvent = { seq: 11, at, type: "job_started", jobId: "J1" };
    expect(applyLineEvent(line, job({ lineId: "L2" }), event, context)).toMatchObject({ kind: "refused", error: { code: "JOB_NOT_ON_LINE" } });
    expect(applyLineEvent(line, null, event, context)).toMatchObject({ kind: "refused", error: { code: "JOB_NOT_ON_LINE" } });
    expect(applyLineEvent(line, job({ status: "scheduled" }), event, context)).toMatchObject({ kind: "refused", error: { code: "JOB_NOT_ON_LINE" } });
  });

  it("starts a queued job, sets the line's family, and refuses impossible transitions", () => {
    const started = applyLineEvent(line, job(), { seq: 11, at, type: "job_started", jobId: "J1" }, context);
    expect(started).toMatchObject({ kind: "accepted", jobStatusChanged: true, job: { status: "running", startedAt: new Date(at) }, line: { currentFamily: "fridge-steel" } });
    const again = applyLineEvent(line, job({ status: "running" }), { seq: 11, at, type: "job_started", jobId: "J1" }, context);
    expect(again).toMatchObject({ kind: "refused", error: { code: "INVALID_TRANSITION", message: "A job that is running cannot start." } });
    const completeQueued = applyLineEvent(line, job(), { seq: 11, at, type: "job_completed", jobId: "J1", good: 1, scrap: 0 }, context);
    expect(completeQueued).toMatchObject({ kind: "refused", error: { code: "INVALID_TRANSITION" } });
    const afterDone = applyLineEvent(line, job({ status: "done" }), { seq: 11, at, type: "job_progress", jobId: "J1", percent: 5, good: 0, scrap: 0 }, context);
    expect(afterDone).toMatchObject({ kind: "refused", error: { code: "INVALID_TRANSITION" } });
  });

  it("tracks progress with cumulative counts that never decrease", () => {
    const running = job({ status: "running", goodCount: 3, scrapCount: 1 });
    const ok = applyLineEvent(line, running, { seq: 11, at, type: "job_progress", jobId: "J1", percent: 40, good: 4, scrap: 1 }, context);
    expect(ok).toMatchObject({ kind: "accepted", jobStatusChanged: false, job: { progress: 40, goodCount: 4, scrapCount: 1 } });
    const backwards = applyLineEvent(line, running, { seq: 11, at, type: "job_progress", jobId: "J1", percent: 40, good: 2, scrap: 1 }, context);
    expect(backwards).toMatchObject({ kind: "refused", error: { code: "INVALID_TRANSITION" } });
  });

  it("interrupts and resumes a running job, and progress is refused while interrupted", () => {
    const interrupted = applyLineEvent(line, job({ status: "running" }), { seq: 11, at, type: "job_interrupted", jobId: "J1", reason: "paused" }, context);
    expect(interrupted).toMatchObject({ kind: "accepted", job: { status: "running", interruptedAt: new Date(at), interruptCause: "paused" } });
    const held = job({ status: "running", interruptedAt: new Date(at) });
    expect(applyLineEvent(line, held, { seq: 12, at, type: "job_progress", jobId: "J1", percent: 1, good: 0, scrap: 0 }, context).kind).toBe("refused");
    expect(applyLineEvent(line, held, { seq: 12, at, type: "job_resumed", jobId: "J1" }, context)).toMatchObject({ kind: "accepted", job: { interruptedAt: null } });
  });

  it("completes with final counts, and aborts from queued, running or interrupted", () => {
    const done = applyLineEvent(line, job({ status: "running" }), { seq: 11, at, type: "job_completed", jobId: "J1", good: 2, scrap: 1 }, context);
    expect(done).toMatchObject({ kind: "accepted", jobStatusChanged: true, job: { status: "done", progress: 100, goodCount: 2, scrapCount: 1, completedAt: new Date(at) } });
    for (const from of [job(), job({ status: "running" }), job({ status: "running", interruptedAt: new Date(at) })]) {
      const failed = applyLineEvent(line, from, { seq: 11, at, type: "job_failed", jobId: "J1", reason: "aborted by planner" }, context);
      expect(failed).toMatchObject({ kind: "accepted", job: { status: "failed", failReason: "aborted by planner", interruptedAt: null } });
    }
  });
});
