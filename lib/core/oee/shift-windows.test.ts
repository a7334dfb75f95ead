import { describe, expect, it } from "vitest";
import { shiftWindows, type LineCalendar } from "./shift-windows";

const twoShifts: LineCalendar = {
  timeZone: "Europe/Stockholm",
  shifts: [0, 1, 2, 3, 4, 5, 6].flatMap((weekday) => [
    { weekday, startMinute: 6 * 60, endMinute: 14 * 60, name: "early" },
    { weekday, startMinute: 22 * 60, endMinute: 6 * 60, name: "night" },
  ]),
  exceptions: [],
};

describe("shiftWindows", () => {
  it("lays weekly shifts on local dates in the line's time zone, night shifts crossing midnight", () => {
    const from = Date.UTC(2026, 11, 1, 0); // Tue 1 Dec 2026, 01:00 in Stockholm (UTC+1)
    const windows = shiftWindows(twoShifts, from, Date.UTC(2026, 11, 1, 23));
    expect(windows.map((window) => [window.label, new Date(window.start).toISOString(), new Date(window.end).toISOString()])).toEqual([
      ["Mon 30 Nov night", "2026-11-30T21:00:00.000Z", "2026-12-01T05:00:00.000Z"],
      ["Tue 1 Dec early", "2026-12-01T05:00:00.000Z", "2026-12-01T13:00:00.000Z"],
      ["Tue 1 Dec night", "2026-12-01T21:00:00.000Z", "2026-12-02T05:00:00.000Z"],
    ]);
  });

  it("keeps local shift hours across a daylight-saving change (the night of 29 March 2026 is an hour shorter)", () => {
    const windows = shiftWindows(twoShifts, Date.UTC(2026, 2, 28, 12), Date.UTC(2026, 2, 29, 12));
    const night = windows.find((window) => window.label === "Sat 28 Mar night")!;
    expect(new Date(night.start).toISOString()).toBe("2026-03-28T21:00:00.000Z"); // 22:00 CET
    expect(new Date(night.end).toISOString()).toBe("2026-03-29T04:00:00.000Z"); // 06:00 CEST
    expect((night.end - night.start) / 3_600_000).toBe(7);
    const early = windows.find((window) => window.label === "Sun 29 Mar early")!;
    expect(new Date(early.start).toISOString()).toBe("2026-03-29T04:00:00.000Z");
  });

  it("turns holidays and maintenance into planned stops and adds extra shifts", () => {
    const calendar: LineCalendar = {
      ...twoShifts,
      shifts: twoShifts.shifts.filter((shift) => shift.name === "early"),
      exceptions: [
        { kind: "maintenance", start: Date.UTC(2026, 11, 1, 7), end: Date.UTC(2026, 11, 1, 9), note: "foam head" },
        { kind: "extra_shift", start: Date.UTC(2026, 11, 1, 15), end: Date.UTC(2026, 11, 1, 19), note: "rush" },
      ],
    };
    const windows = shiftWindows(calendar, Date.UTC(2026, 11, 1, 4), Date.UTC(2026, 11, 1, 20));
    expect(windows.map((window) => window.label)).toEqual(["Tue 1 Dec early", "rush"]);
    expect(windows[0]!.plannedStops).toEqual([{ start: Date.UTC(2026, 11, 1, 7), end: Date.UTC(2026, 11, 1, 9) }]);
  });
});
