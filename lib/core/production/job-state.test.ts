import { describe, expect, it } from "vitest";
import { isa95State, jobFactsFor, transitionJob, type Isa95JobState, type JobTransition } from "./job-state";

const STATES: Isa95JobState[] = ["not_allowed_to_start", "allowed_to_start", "running", "interrupted", "ended", "aborted"];
const TRANSITIONS: JobTransition[] = ["start", "progress", "interrupt", "resume", "complete", "fail"];

describe("ISA-95 job state", () => {
  it("derives the state from the planner's status and the interruption mark", () => {
    expect(isa95State({ status: "scheduled", interrupted: false })).toBe("not_allowed_to_start");
    expect(isa95State({ status: "queued", interrupted: false })).toBe("allowed_to_start");
    expect(isa95State({ status: "running", interrupted: false })).toBe("running");
    expect(isa95State({ status: "running", interrupted: true })).toBe("interrupted");
    expect(isa95State({ status: "done", interrupted: false })).toBe("ended");
    expect(isa95State({ status: "failed", interrupted: false })).toBe("aborted");
    expect(isa95State({ status: "cancelled", interrupted: false })).toBe("aborted");
  });

  it("allows exactly the ISA-95 transitions", () => {
    const allowed = new Set<string>();
    for (const from of STATES) for (const transition of TRANSITIONS) if (transitionJob(from, transition).ok) allowed.add(`${from} ${transition}`);
    expect([...allowed].sort()).toEqual(
      [
        "allowed_to_start start",
        "allowed_to_start fail",
        "running progress",
        "running interrupt",
        "running complete",
        "running fail",
        "interrupted resume",
        "interrupted fail",
      ].sort(),
    );
  });

  it("ends in the state each transition names and says why a refusal happened", () => {
    expect(transitionJob("allowed_to_start", "start")).toEqual({ ok: true, to: "running" });
    expect(transitionJob("running", "interrupt")).toEqual({ ok: true, to: "interrupted" });
    expect(transitionJob("interrupted", "resume")).toEqual({ ok: true, to: "running" });
    expect(transitionJob("running", "complete")).toEqual({ ok: true, to: "ended" });
    expect(transitionJob("interrupted", "fail")).toEqual({ ok: true, to: "aborted" });
    expect(transitionJob("ended", "start")).toEqual({ ok: false, from: "ended", message: "A job that is ended cannot start." });
  });

  it("maps every state back to database facts that derive the same state", () => {
    for (const state of STATES) expect(isa95State(jobFactsFor(state))).toBe(state);
  });
});
