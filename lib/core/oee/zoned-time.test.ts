import { describe, expect, it } from "vitest";
import { localParts, zonedInstant, zoneOffsetMs } from "./zoned-time";

const HOUR_MS = 3_600_000;

describe("zoned time", () => {
  it("reads a zone's offset on either side of a daylight-saving change, as often as asked", () => {
    const beforeSpring = Date.parse("2027-03-28T00:30:00Z");
    const afterSpring = Date.parse("2027-03-28T01:30:00Z");
    for (let round = 0; round < 3; round++) {
      expect(zoneOffsetMs(beforeSpring, "Europe/Berlin")).toBe(1 * HOUR_MS);
      expect(zoneOffsetMs(afterSpring, "Europe/Berlin")).toBe(2 * HOUR_MS);
      // The same instant in another zone has that zone's offset, not the one read before.
      expect(zoneOffsetMs(afterSpring, "America/New_York")).toBe(-4 * HOUR_MS);
      expect(zoneOffsetMs(afterSpring, "UTC")).toBe(0);
    }
  });

  it("keeps milliseconds out of the offset", () => {
    expect(zoneOffsetMs(Date.parse("2027-01-04T06:00:00.999Z"), "Asia/Kolkata")).toBe(5.5 * HOUR_MS);
    expect(zoneOffsetMs(Date.parse("1969-12-31T23:59:59.500Z"), "UTC")).toBe(0);
  });

  it("lays local wall-clock times on instants across the change", () => {
    expect(new Date(zonedInstant({ year: 2027, month: 3, day: 27 }, 6 * 60, "Europe/Berlin")).toISOString()).toBe("2027-03-27T05:00:00.000Z");
    expect(new Date(zonedInstant({ year: 2027, month: 3, day: 29 }, 6 * 60, "Europe/Berlin")).toISOString()).toBe("2027-03-29T04:00:00.000Z");
    // 02:30 does not exist on the spring day: it lands after the gap.
    expect(localParts(zonedInstant({ year: 2027, month: 3, day: 28 }, 150, "Europe/Berlin"), "Europe/Berlin").hour).toBe(3);
  });
});
