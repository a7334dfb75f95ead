import { describe, expect, it } from "vitest";
import { processingMinutes } from "./processing-time";

describe("processingMinutes", () => {
  it("is ceil(minutes / speed) on the decimal speed, not on floating point", () => {
    expect(Math.ceil(21 / 0.7)).toBe(31); // the trap: 21 / 0.7 = 30.000000000000004
    expect(processingMinutes(21, 0.7)).toBe(30);
    expect(Math.ceil(69 / 1.15)).toBe(61);
    expect(processingMinutes(69, 1.15)).toBe(60);
    expect(processingMinutes(33, 1.1)).toBe(30);
    expect(processingMinutes(34, 1.1)).toBe(31);
    expect(processingMinutes(100, 0.8)).toBe(125);
    expect(processingMinutes(101, 0.8)).toBe(127);
    expect(processingMinutes(42, 1)).toBe(42);
    expect(processingMinutes(42)).toBe(42);
    expect(processingMinutes(7, 1.25)).toBe(6);
    expect(processingMinutes(5, 2e-1)).toBe(25);
  });

  it("matches exact rational arithmetic for every minute value up to 500 on awkward speeds", () => {
    for (const [speed, numerator, denominator] of [[1.1, 11, 10], [0.83, 83, 100], [1.29, 129, 100], [0.7, 7, 10], [1.15, 115, 100]] as const) {
      for (let m = 1; m <= 500; m++) {
        const exact = Math.floor((m * denominator + numerator - 1) / numerator);
        expect(processingMinutes(m, speed)).toBe(exact);
      }
    }
  });
});
