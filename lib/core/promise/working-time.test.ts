import { describe, expect, it } from "vitest";
import { productionWindows } from "../planning/production-windows";
import { addWorkingMinutes, mergeWindows, workingMinutesBetween } from "./working-time";

const t = (iso: string) => Date.parse(iso);
const shifts = [0, 1, 2, 3, 4].flatMap((weekday) => [
  { weekday, startMinute: 360, endMinute: 840, name: "early" },
  { weekday, startMinute: 840, endMinute: 1320, name: "late" },
]);

describe("working time on a factory calendar", () => {
  it("merges touching and overlapping windows of several lines", () => {
    expect(mergeWindows([{ start: 5, end: 9 }, { start: 0, end: 5 }, { start: 8, end: 12 }, { start: 20, end: 20 }, { start: 15, end: 18 }])).toEqual([
      { start: 0, end: 12 },
      { start: 15, end: 18 },
    ]);
  });

  it("adds working minutes across a shift change, a night and a weekend (Stockholm, in winter)", () => {
    const calendar = mergeWindows(productionWindows({ timeZone: "Europe/Stockholm", shifts, exceptions: [] }, t("2026-12-01T00:00:00Z"), t("2026-12-20T00:00:00Z")));
    // Friday 4 Dec 20:00 local (19:00Z): two hours left that day, the rest from Monday 06:00 local (05:00Z).
    expect(new Date(addWorkingMinutes(calendar, t("2026-12-04T19:00:00Z"), 180)).toISOString()).toBe("2026-12-07T06:00:00.000Z");
    expect(workingMinutesBetween(calendar, t("2026-12-04T19:00:00Z"), t("2026-12-07T06:00:00Z"))).toBe(180);
    expect(workingMinutesBetween(calendar, t("2026-12-07T06:00:00Z"), t("2026-12-04T19:00:00Z"))).toBe(-180);
    expect(addWorkingMinutes(calendar, t("2026-12-04T19:00:00Z"), 0)).toBe(t("2026-12-04T19:00:00Z"));
  });

  it("skips holidays and keeps local shift hours across the daylight-saving change", () => {
    const calendar = mergeWindows(
      productionWindows(
        { timeZone: "Europe/Stockholm", shifts, exceptions: [{ kind: "holiday", start: t("2026-03-27T00:00:00Z"), end: t("2026-03-28T00:00:00Z"), note: "closed" }] },
        t("2026-03-20T00:00:00Z"),
        t("2026-04-10T00:00:00Z"),
      ),
    );
    // Thu 26 Mar ends 22:00 CET (21:00Z); Friday is a holiday; Monday 30 Mar starts 06:00 CEST (04:00Z).
    expect(new Date(addWorkingMinutes(calendar, t("2026-03-26T20:00:00Z"), 120)).toISOString()).toBe("2026-03-30T05:00:00.000Z");
  });

  it("counts past the calendar's end as calendar time", () => {
    expect(addWorkingMinutes([{ start: 0, end: 60_000 }], 0, 3)).toBe(180_000);
  });
});
