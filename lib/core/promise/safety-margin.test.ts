import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coverageOf, empiricalQuantile, learnSafetyMargin } from "./safety-margin";

describe("empiricalQuantile", () => {
  it("is the smallest sample with at least a share p at or below it", () => {
    const samples = [50, 10, 40, 20, 30, 60, 70, 80, 90, 100];
    expect(empiricalQuantile(samples, 0.9)).toBe(90);
    expect(empiricalQuantile(samples, 0.91)).toBe(100);
    expect(empiricalQuantile(samples, 0.1)).toBe(10);
    expect(empiricalQuantile([5], 0.5)).toBe(5);
    expect(() => empiricalQuantile([], 0.9)).toThrow(RangeError);
    expect(() => empiricalQuantile([1], 0)).toThrow(RangeError);
  });

  it("covers at least the share asked for, and is a sample", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -2000, max: 5000 }), { minLength: 1, maxLength: 200 }), fc.double({ min: 0.01, max: 1, noNaN: true }), (samples, p) => {
        const q = empiricalQuantile(samples, p);
        expect(samples).toContain(q);
        expect(coverageOf(samples, q)).toBeGreaterThanOrEqual(p - 1e-12);
        // and nothing smaller would do
        const below = samples.filter((s) => s < q);
        if (below.length) expect(coverageOf(samples, Math.max(...below))).toBeLessThan(p);
      }),
    );
  });
});

describe("learnSafetyMargin", () => {
  it("uses the prior without history and says so", () => {
    expect(learnSafetyMargin({ samples: [], level: 0.9, priorMinutes: 240 })).toEqual({ minutes: 240, level: 0.9, samples: 0, coverage: null, source: "prior" });
  });

  it("leans on history as it grows, and covers the level once it is ample", () => {
    const thin = learnSafetyMargin({ samples: [0, 0, 30, 60], level: 0.9, priorMinutes: 480 });
    expect(thin.source).toBe("blend");
    // 4 samples weigh 4/24 against the prior: 4/24 × 60 + 20/24 × 480 = 410
    expect(thin.minutes).toBe(410);
    const samples = Array.from({ length: 200 }, (_, i) => (i % 10 === 9 ? 900 : i % 50));
    const ample = learnSafetyMargin({ samples, level: 0.9, priorMinutes: 100 });
    expect(ample.source).toBe("history");
    expect(ample.coverage).toBeGreaterThanOrEqual(0.9);
    expect(ample.minutes).toBeGreaterThanOrEqual(empiricalQuantile(samples, 0.9));
  });

  it("never promises earlier than planned because orders used to finish early", () => {
    expect(learnSafetyMargin({ samples: Array.from({ length: 500 }, () => -300), level: 0.9, priorMinutes: 0 }).minutes).toBe(0);
  });
});
