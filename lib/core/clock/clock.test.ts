import { describe, expect, it } from "vitest";
import { acceleratedClock, fixedClock } from "./clock";

describe("clock", () => {
  it("a fixed clock stands still until moved", () => {
    const clock = fixedClock("2026-12-01T06:00:00Z");
    expect(clock.now().toISOString()).toBe("2026-12-01T06:00:00.000Z");
    clock.advance(60_000);
    expect(clock.now().toISOString()).toBe("2026-12-01T06:01:00.000Z");
    clock.set("2027-01-01T00:00:00Z");
    expect(clock.now().toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });

  it("an accelerated clock runs factor times faster than real time", () => {
    let real = 1_000;
    const clock = acceleratedClock("2026-12-01T00:00:00Z", 60, () => real);
    real += 1_000; // one real second
    expect(clock.now().toISOString()).toBe("2026-12-01T00:01:00.000Z");
  });
});
