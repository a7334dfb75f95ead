import { describe, expect, it } from "vitest";
import { earliestRelease, type ReleaseInput } from "./earliest-release";

const base: ReleaseInput = {
  now: Date.parse("2026-12-01T10:17:00Z"),
  partsList: [
    { partNumber: "DOOR", quantity: 2 },
    { partNumber: "HANDLE", quantity: 2 },
  ],
  stock: { HANDLE: 5 },
  offers: {
    DOOR: [
      { supplier: "Slow", leadTimeDays: 9, unitPrice: 100, minimumOrderQuantity: 1 },
      { supplier: "Fast", leadTimeDays: 6, unitPrice: 900, minimumOrderQuantity: 1 },
    ],
    HANDLE: [{ supplier: "Any", leadTimeDays: 2, unitPrice: 10, minimumOrderQuantity: 1 }],
  },
  partNames: { DOOR: "door panel" },
  optionLeadTimeDays: 0,
};

describe("earliestRelease", () => {
  it("is now when stock covers every part", () => {
    const release = earliestRelease({ ...base, stock: { DOOR: 2, HANDLE: 2 } });
    expect(release).toMatchObject({ kind: "release", release: base.now, critical: null, optionDays: 0 });
  });

  it("waits for the fastest supplier of the slowest part, from the start of that day (UTC)", () => {
    expect(earliestRelease(base)).toMatchObject({
      kind: "release",
      release: Date.parse("2026-12-07T00:00:00Z"),
      critical: { partNumber: "DOOR", name: "door panel", supplier: "Fast", leadTimeDays: 6 },
    });
  });

  it("adds an option's lead time when it is the longer wait; express does not bring parts sooner", () => {
    expect(earliestRelease({ ...base, optionLeadTimeDays: 10 })).toMatchObject({ release: Date.parse("2026-12-11T00:00:00Z"), optionDays: 10 });
    expect(earliestRelease({ ...base, optionLeadTimeDays: 3 })).toMatchObject({ release: Date.parse("2026-12-07T00:00:00Z"), optionDays: 3 });
    expect(earliestRelease({ ...base, optionLeadTimeDays: -7 })).toMatchObject({ release: Date.parse("2026-12-07T00:00:00Z"), optionDays: 0 });
  });

  it("names the parts nobody can deliver", () => {
    expect(earliestRelease({ ...base, offers: {} })).toMatchObject({ kind: "unavailable", missing: [{ partNumber: "DOOR", shortfall: 2 }] });
  });
});
