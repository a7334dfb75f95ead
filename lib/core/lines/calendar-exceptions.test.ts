import { describe, expect, it } from "vitest";
import { calendarExceptionAction, CalendarExceptionSchema } from "./calendar-exceptions";
import { instantToLocalDateTime, localDateTimeToIso } from "./local-date-time";

const issues = (value: unknown) => CalendarExceptionSchema.safeParse(value).error?.issues.map((issue) => [issue.path.join("."), issue.message]);

describe("a calendar exception", () => {
  it("takes a kind, a start before its end and a note", () => {
    expect(CalendarExceptionSchema.parse({ kind: "holiday", start: "2026-12-24T00:00:00+01:00", end: "2026-12-27T00:00:00+01:00" })).toEqual({
      kind: "holiday",
      start: "2026-12-24T00:00:00+01:00",
      end: "2026-12-27T00:00:00+01:00",
      note: "",
    });
  });

  it("names the bad field", () => {
    expect(issues({ kind: "strike", start: "2026-12-24T00:00:00Z", end: "2026-12-25T00:00:00Z" })).toEqual([["kind", "Choose holiday, maintenance or extra shift."]]);
    expect(issues({ kind: "maintenance", start: "2026-12-24T10:00:00Z", end: "2026-12-24T09:00:00Z" })).toEqual([["end", "It must end after it starts."]]);
    expect(issues({ kind: "maintenance", start: "2026-12-24T10:00:00Z", end: "2026-12-24T10:00:00Z" })).toEqual([["end", "It must end after it starts."]]);
    expect(issues({ kind: "maintenance", start: "24/12/2026", end: "2026-12-24T10:00:00Z" })?.[0]?.[0]).toBe("start");
    expect(issues({ kind: "maintenance", start: "2026-12-24T10:00:30Z", end: "2026-12-24T11:00:00Z" })).toEqual([["start", "Use whole minutes (the scheduler plans in minutes)."]]);
    expect(issues({ kind: "extra_shift", start: "2026-12-01T00:00:00Z", end: "2026-12-09T00:00:00Z" })).toEqual([["end", "Extra shift may last at most 7 days."]]);
  });

  it("needs line.manage for extra shifts and line-stop.manage for holidays and maintenance", () => {
    expect(calendarExceptionAction("extra_shift")).toBe("line.manage");
    expect(calendarExceptionAction("holiday")).toBe("line-stop.manage");
    expect(calendarExceptionAction("maintenance")).toBe("line-stop.manage");
  });
});

describe("local date-times in the line's zone", () => {
  it("reads a datetime-local value in the line's zone, summer and winter", () => {
    expect(localDateTimeToIso("2026-12-24T06:00", "Europe/Stockholm")).toBe("2026-12-24T05:00:00.000Z");
    expect(localDateTimeToIso("2026-07-01T06:00", "Europe/Stockholm")).toBe("2026-07-01T04:00:00.000Z");
    expect(localDateTimeToIso("2026-13-01T06:00", "Europe/Stockholm")).toBeNull();
    expect(localDateTimeToIso("tomorrow", "Europe/Stockholm")).toBeNull();
  });

  it("writes an instant back as the input's value", () => {
    expect(instantToLocalDateTime(Date.parse("2026-03-29T04:00:00Z"), "Europe/Stockholm")).toBe("2026-03-29T06:00");
  });
});
