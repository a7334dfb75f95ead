import { describe, expect, it } from "vitest";
import { formatMinuteOfDay, parseMinuteOfDay } from "./minutes-of-day";
import { crossesMidnight, describeShift, findShiftOverlaps, ReplaceLineShiftsSchema, shiftLengthMinutes, sortShifts, WeeklyShiftSchema, WeeklyShiftsSchema } from "./weekly-shifts";

const shift = (weekday: number, start: string, end: string, name = "") => ({ weekday, startMinute: parseMinuteOfDay(start)!, endMinute: parseMinuteOfDay(end)!, name });

describe("a weekly shift", () => {
  it("may run past midnight; its length counts into the next day", () => {
    const night = shift(4, "22:00", "06:00", "night");
    expect(WeeklyShiftSchema.parse(night)).toEqual(night);
    expect(shiftLengthMinutes(night)).toBe(480);
    expect(crossesMidnight(night)).toBe(true);
    expect(crossesMidnight(shift(0, "14:00", "24:00"))).toBe(false);
    expect(describeShift(night)).toBe("Fri 22:00–06:00 night");
  });

  it("names the bad field", () => {
    const issues = (value: unknown) => WeeklyShiftSchema.safeParse(value).error?.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(issues({ weekday: 7, startMinute: 360, endMinute: 840 })).toEqual([["weekday", "Weekdays run 0 (Monday) to 6 (Sunday)."]]);
    expect(issues({ weekday: 0, startMinute: 1440, endMinute: 60 })).toEqual([["startMinute", "Starts by 23:59."]]);
    expect(issues({ weekday: 0, startMinute: 360, endMinute: 360 })).toEqual([["endMinute", "A shift cannot end when it starts."]]);
  });
});

describe("overlapping shifts", () => {
  it("allows shifts that touch", () => {
    expect(findShiftOverlaps([shift(0, "06:00", "14:00"), shift(0, "14:00", "22:00"), shift(0, "22:00", "06:00"), shift(1, "06:00", "14:00")])).toEqual([]);
  });

  it("finds overlaps on one day, across midnight, and across the week's end", () => {
    expect(findShiftOverlaps([shift(0, "06:00", "14:00"), shift(0, "13:00", "22:00")])).toEqual([[0, 1]]);
    expect(findShiftOverlaps([shift(2, "22:00", "06:00"), shift(3, "05:00", "13:00")])).toEqual([[0, 1]]);
    // Sunday's night shift runs into Monday morning.
    expect(findShiftOverlaps([shift(0, "05:30", "14:00"), shift(6, "22:00", "06:00")])).toEqual([[0, 1]]);
    expect(findShiftOverlaps([shift(0, "06:00", "14:00"), shift(6, "22:00", "06:00")])).toEqual([]);
  });

  it("names the overlap on the later shift's path", () => {
    const result = ReplaceLineShiftsSchema.safeParse({ version: 3, shifts: [shift(0, "06:00", "14:00", "early"), shift(1, "06:00", "14:00", "early"), shift(0, "13:00", "22:00", "late")] });
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["shifts.2", "Mon 13:00–22:00 late overlaps Mon 06:00–14:00 early (shift 1)."]]);
  });

  it("accepts a full week of three shifts a day", () => {
    const week = [0, 1, 2, 3, 4, 5, 6].flatMap((day) => [shift(day, "06:00", "14:00"), shift(day, "14:00", "22:00"), shift(day, "22:00", "06:00")]);
    expect(WeeklyShiftsSchema.parse(week)).toHaveLength(21);
  });
});

describe("times of day", () => {
  it("formats and parses HH:MM, with 24:00 for a shift that ends at midnight", () => {
    expect(formatMinuteOfDay(390)).toBe("06:30");
    expect(formatMinuteOfDay(1440)).toBe("24:00");
    expect(parseMinuteOfDay("6:30")).toBe(390);
    expect(parseMinuteOfDay("24:00")).toBe(1440);
    expect(parseMinuteOfDay("24:30")).toBeNull();
    expect(parseMinuteOfDay("12:60")).toBeNull();
    expect(parseMinuteOfDay("noon")).toBeNull();
  });

  it("sorts a week as a person reads it", () => {
    expect(sortShifts([shift(2, "06:00", "14:00"), shift(0, "14:00", "22:00"), shift(0, "06:00", "14:00")]).map(describeShift)).toEqual(["Mon 06:00–14:00", "Mon 14:00–22:00", "Wed 06:00–14:00"]);
  });
});
