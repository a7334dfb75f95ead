import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BirthSchema } from "./birth";
import { LineEventSchema } from "./event";
import { messageSize } from "./limits";

const valid = { seq: 1, at: "2026-12-01T10:00:00Z", type: "job_progress", jobId: "J1", percent: 12.5, good: 1, scrap: 0 };

describe("line protocol v1: event schema", () => {
  it("accepts each event type in its documented shape", () => {
    expect(LineEventSchema.safeParse(valid).success).toBe(true);
    expect(LineEventSchema.safeParse({ seq: 2, at: "2026-12-01T11:00:00+01:00", type: "status", status: "down", reason: "jam" }).success).toBe(true);
    expect(LineEventSchema.safeParse({ seq: 3, at: "2026-12-01T10:00:00Z", type: "job_failed", jobId: "J1", reason: "aborted" }).success).toBe(true);
  });

  it("refuses unknown fields, unknown types, out-of-range numbers and unbounded strings", () => {
    expect(LineEventSchema.safeParse({ ...valid, extra: 1 }).success).toBe(false);
    expect(LineEventSchema.safeParse({ ...valid, type: "job_exploded" }).success).toBe(false);
    expect(LineEventSchema.safeParse({ ...valid, percent: 101 }).success).toBe(false);
    expect(LineEventSchema.safeParse({ ...valid, seq: 0 }).success).toBe(false);
    expect(LineEventSchema.safeParse({ ...valid, seq: 2 ** 31 }).success).toBe(false);
    expect(LineEventSchema.safeParse({ ...valid, good: -1 }).success).toBe(false);
    expect(LineEventSchema.safeParse({ ...valid, jobId: "x".repeat(65) }).success).toBe(false);
    expect(LineEventSchema.safeParse({ ...valid, at: "yesterday" }).success).toBe(false);
  });

  it("never throws on arbitrary input, and whatever it accepts is small", () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ seq: fc.anything(), at: fc.anything(), type: fc.constantFrom("status", "job_progress", "job_started"), jobId: fc.anything(), status: fc.anything(), percent: fc.anything(), good: fc.anything(), scrap: fc.anything() })), (input) => {
        const parsed = LineEventSchema.safeParse(input);
        if (parsed.success) expect(messageSize(parsed.data)).toBeLessThan(1_024);
      }),
      { numRuns: 2_000 },
    );
  });

  it("defaults a birth's time scale to real time", () => {
    const birth = BirthSchema.parse({ agentVersion: "1.0.0", session: 3, capabilities: ["progress"], planVersion: null, lastSeq: 0 });
    expect(birth.timeScale).toBe(1);
  });
});
