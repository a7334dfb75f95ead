import { describe, expect, it } from "vitest";
import type { LineCalendar } from "../oee/shift-windows";
import { productionWindows } from "../planning/production-windows";
import { calendarPreview, previewRange } from "./calendar-preview";

const iso = (ms: number) => new Date(ms).toISOString();

// Two shifts on weekdays and a night shift from Saturday into Sunday, in Stockholm's local time.
const calendar: LineCalendar = {
  timeZone: "Europe/Stockholm",
  shifts: [
    ...[0, 1, 2, 3, 4].flatMap((weekday) => [
      { weekday, startMinute: 6 * 60, endMinute: 14 * 60, name: "early" },
      { weekday, startMinute: 14 * 60, endMinute: 22 * 60, name: "late" },
    ]),
    { weekday: 5, startMinute: 22 * 60, endMinute: 6 * 60, name: "night" },
  ],
  exceptions: [],
};

describe("the calendar preview", () => {
  it("starts at local midnight and covers two weeks of local days", () => {
    const range = previewRange(Date.parse("2026-12-02T15:30:00Z"), "Europe/Stockholm");
    expect(iso(range.from)).toBe("2026-12-01T23:00:00.000Z");
    expect(iso(range.to)).toBe("2026-12-15T23:00:00.000Z");
    const preview = calendarPreview(calendar, range.from, range.to);
    expect(preview.days).toHaveLength(14);
    expect(preview.days[0]).toMatchObject({ date: "2026-12-02", label: "Wed 2 Dec", weekday: 2, hours: 24 });
    // 10 weekdays × 16 h + 2 nights × 8 h
    expect(preview.productionMinutes).toBe((10 * 16 + 2 * 8) * 60);
  });

  it("keeps local shift hours through the daylight-saving week; the short night and day say so", () => {
    // Clocks go forward on Sunday 29 March 2026 at 02:00 in Stockholm.
    const range = previewRange(Date.parse("2026-03-23T12:00:00Z"), "Europe/Stockholm", 8);
    const preview = calendarPreview(calendar, range.from, range.to);
    const byDate = Object.fromEntries(preview.days.map((day) => [day.date, day]));
    expect(byDate["2026-03-29"]!.hours).toBe(23);
    expect(byDate["2026-03-28"]!.hours).toBe(24);
    // Saturday night: 22:00 CET → midnight on Saturday's bar, then midnight → 06:00 CEST on Sunday's (5 real hours).
    const saturday = byDate["2026-03-28"]!;
    expect(saturday.windows.map((window) => [iso(window.start), iso(window.end)])).toEqual([["2026-03-28T21:00:00.000Z", "2026-03-28T23:00:00.000Z"]]);
    expect(saturday.windows[0]!.left).toBeCloseTo(22 / 24);
    const sunday = byDate["2026-03-29"]!;
    expect(sunday.windows.map((window) => [iso(window.start), iso(window.end)])).toEqual([["2026-03-28T23:00:00.000Z", "2026-03-29T04:00:00.000Z"]]);
    expect(sunday.productionMinutes).toBe(5 * 60);
    expect(sunday.windows[0]!.left).toBe(0);
    expect(sunday.windows[0]!.width).toBeCloseTo(5 / 23);
    // Monday after the change: the early shift starts at 06:00 CEST = 04:00 UTC (it was 05:00 UTC a week before).
    const monday = byDate["2026-03-30"]!;
    expect(iso(monday.windows[0]!.start)).toBe("2026-03-30T04:00:00.000Z");
    expect(iso(byDate["2026-03-23"]!.windows[0]!.start)).toBe("2026-03-23T05:00:00.000Z");
    // The week holds 7 hours of Saturday night, not 8.
    const week = preview.days.filter((day) => day.date >= "2026-03-23" && day.date <= "2026-03-29");
    expect(week.reduce((sum, day) => sum + day.productionMinutes, 0)).toBe((5 * 16 + 7) * 60);
  });

  it("shows exactly the scheduler's windows: a holiday cuts them, an extra shift adds one, both named", () => {
    const withExceptions: LineCalendar = {
      ...calendar,
      exceptions: [
        { kind: "holiday", start: Date.parse("2026-12-23T23:00:00Z"), end: Date.parse("2026-12-24T23:00:00Z"), note: "Christmas Eve" },
        { kind: "maintenance", start: Date.parse("2026-12-22T07:00:00Z"), end: Date.parse("2026-12-22T09:00:00Z"), note: "foam head" },
        { kind: "extra_shift", start: Date.parse("2026-12-27T08:00:00Z"), end: Date.parse("2026-12-27T12:00:00Z"), note: "rush" },
      ],
    };
    const range = previewRange(Date.parse("2026-12-21T08:00:00Z"), "Europe/Stockholm", 7);
    const preview = calendarPreview(withExceptions, range.from, range.to);
    const windows = preview.days.flatMap((day) => day.windows.map(({ start, end }) => ({ start, end })));
    // The same windows as the scheduler's, once pieces cut at a local midnight are joined again.
    const midnights = new Set(preview.days.map((day) => day.start));
    const joined = windows.reduce<Array<{ start: number; end: number }>>((list, window) => {
      const last = list[list.length - 1];
      if (last && last.end === window.start && midnights.has(window.start)) last.end = window.end;
      else list.push({ ...window });
      return list;
    }, []);
    expect(joined).toEqual(productionWindows(withExceptions, range.from, range.to));

    const byDate = Object.fromEntries(preview.days.map((day) => [day.date, day]));
    expect(byDate["2026-12-24"]!.windows).toEqual([]);
    expect(byDate["2026-12-24"]!.stops).toMatchObject([{ kind: "holiday", note: "Christmas Eve", left: 0, width: 1 }]);
    expect(byDate["2026-12-22"]!.productionMinutes).toBe(14 * 60);
    // Sunday: the end of Saturday's night shift, then the extra shift.
    expect(byDate["2026-12-27"]!.windows).toMatchObject([{ extra: false, left: 0 }, { extra: true, start: Date.parse("2026-12-27T08:00:00Z") }]);
    expect(byDate["2026-12-21"]!.windows.every((window) => !window.extra)).toBe(true);
  });
});
