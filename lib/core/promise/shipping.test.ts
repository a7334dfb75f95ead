import { describe, expect, it } from "vitest";
import { countryOfTimeZone, daysBetween, latestFinishFor, localDateOf, shipmentFor, transitDaysTo, type ShippingTerms } from "./shipping";

const stockholm: ShippingTerms = { timeZone: "Europe/Stockholm", cutoffMinute: 15 * 60, transitDays: 3 };
const t = (iso: string) => Date.parse(iso);

describe("transit days by destination", () => {
  it("grows with the distance from the factory's country", () => {
    expect(countryOfTimeZone("Europe/Stockholm")).toBe("SE");
    expect(transitDaysTo("SE", "SE", 3)).toBe(3);
    expect(transitDaysTo("no", "SE", 3)).toBe(4);
    expect(transitDaysTo("DE", "SE", 3)).toBe(5);
    expect(transitDaysTo("GB", "SE", 3)).toBe(6);
    expect(transitDaysTo("US", "SE", 3)).toBe(9);
    expect(transitDaysTo("FR", "IT", 2)).toBe(3);
    // A factory whose country is unknown ships everywhere at its domestic days.
    expect(transitDaysTo("US", "", 2)).toBe(2);
  });
});

describe("shipment", () => {
  it("leaves the same day before the local cut-off, the next carrier day after it", () => {
    // 14:59 local (13:59Z) on Tue 8 Dec: leaves Tue, +3 carrier days = Fri 11 Dec.
    expect(shipmentFor(t("2026-12-08T13:59:00Z"), stockholm)).toEqual({ dispatchDate: "2026-12-08", arrivalDate: "2026-12-11" });
    // 15:00 exactly is still in time; 15:01 is not: leaves Wed, arrives Mon 14 Dec.
    expect(shipmentFor(t("2026-12-08T14:00:00Z"), stockholm).dispatchDate).toBe("2026-12-08");
    expect(shipmentFor(t("2026-12-08T14:01:00Z"), stockholm)).toEqual({ dispatchDate: "2026-12-09", arrivalDate: "2026-12-14" });
  });

  it("reads the finish in the factory's time zone: 23:30 UTC is already tomorrow in Stockholm", () => {
    expect(localDateOf(t("2026-12-08T23:30:00Z"), "Europe/Stockholm")).toBe("2026-12-09");
    expect(shipmentFor(t("2026-12-08T23:30:00Z"), stockholm).dispatchDate).toBe("2026-12-09");
    // 19:00Z is 20:00 in Stockholm (after the cut-off) but 14:00 in New York (before it).
    expect(shipmentFor(t("2026-12-08T19:00:00Z"), stockholm).dispatchDate).toBe("2026-12-09");
    expect(shipmentFor(t("2026-12-08T19:00:00Z"), { ...stockholm, timeZone: "America/New_York" }).dispatchDate).toBe("2026-12-08");
  });

  it("skips weekends and the factory's holidays, at dispatch and in transit", () => {
    // Finished Fri 18 Dec after the cut-off: leaves Mon 21; 24–25 Dec are holidays: 22, 23, 28.
    const christmas = { ...stockholm, holidays: new Set(["2026-12-24", "2026-12-25"]) };
    expect(shipmentFor(t("2026-12-18T16:00:00Z"), christmas)).toEqual({ dispatchDate: "2026-12-21", arrivalDate: "2026-12-28" });
  });

  it("keeps the cut-off in local time across daylight saving (CET in March, CEST after the 29th)", () => {
    // 13:30Z is 14:30 CET on Fri 27 Mar (in time) but 15:30 CEST on Mon 30 Mar (too late).
    expect(shipmentFor(t("2026-03-27T13:30:00Z"), stockholm).dispatchDate).toBe("2026-03-27");
    expect(shipmentFor(t("2026-03-30T13:30:00Z"), stockholm).dispatchDate).toBe("2026-03-31");
    expect(shipmentFor(t("2026-03-30T12:59:00Z"), stockholm).dispatchDate).toBe("2026-03-30");
  });

  it("finds the latest finish that keeps an arrival date: the cut-off of the last dispatch day", () => {
    // Arrive by Mon 14 Dec with 3 carrier days: leave by Wed 9 Dec, 15:00 local = 14:00Z.
    expect(new Date(latestFinishFor("2026-12-14", stockholm)).toISOString()).toBe("2026-12-09T14:00:00.000Z");
    // Arriving on a Sunday is as good as the Friday before.
    expect(latestFinishFor("2026-12-13", stockholm)).toBe(latestFinishFor("2026-12-11", stockholm));
    // Round trip: finishing at that instant arrives by that date, a minute later does not.
    const due = latestFinishFor("2026-12-14", stockholm);
    expect(shipmentFor(due, stockholm).arrivalDate <= "2026-12-14").toBe(true);
    expect(shipmentFor(due + 60_000, stockholm).arrivalDate > "2026-12-14").toBe(true);
  });

  it("counts calendar days between dates", () => {
    expect(daysBetween("2026-12-30", "2027-01-02")).toBe(3);
    expect(daysBetween("2028-03-01", "2028-02-28")).toBe(-2);
  });
});
