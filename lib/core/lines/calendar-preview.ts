import type { LineCalendar } from "../oee/shift-windows";
import { addDays, localParts, weekdayOf, zonedInstant, type LocalDate } from "../oee/zoned-time";
import { productionWindows } from "../planning/production-windows";
import type { Interval } from "../planning/planning-model";
import type { CalendarExceptionKind } from "./calendar-exceptions";
import { WEEKDAY_SHORT } from "./minutes-of-day";

export const PREVIEW_DAYS = 14;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A stretch of one local day, with where it sits on that day's bar (0 = midnight, 1 = next midnight). */
export type DayPiece = Interval & { left: number; width: number };

export type PreviewDay = {
  /** The local date, "2026-03-29". */
  date: string;
  label: string;
  weekday: number;
  /** Local midnight to local midnight: 23 or 25 hours on a daylight-saving day. */
  start: number;
  end: number;
  hours: number;
  /** When the line may produce (what the scheduler gets), `extra` for windows an extra shift adds. */
  windows: Array<DayPiece & { extra: boolean }>;
  /** Holidays and maintenance on this day, whole (inside shifts or not), with their note. */
  stops: Array<DayPiece & { kind: Exclude<CalendarExceptionKind, "extra_shift">; note: string }>;
  productionMinutes: number;
};

export type CalendarPreview = { timeZone: string; from: number; to: number; days: PreviewDay[]; productionMinutes: number };

/** From local midnight of `now`'s day, `days` local days on (DST-safe: days are not 24 h). */
export function previewRange(now: number, timeZone: string, days = PREVIEW_DAYS): { from: number; to: number } {
  const today = localParts(now, timeZone);
  return { from: zonedInstant(today, 0, timeZone), to: zonedInstant(addDays(today, days), 0, timeZone) };
}

/**
 * The production windows of a line's calendar over [from, to), day by day in the line's time
 * zone, for display: exactly the windows the scheduler reads (`productionWindows`), cut at
 * local midnights, with the holidays and maintenance that shaped them.
 */
export function calendarPreview(calendar: LineCalendar, from: number, to: number): CalendarPreview {
  const windows = productionWindows(calendar, from, to);
  const extras = calendar.exceptions.filter((exception) => exception.kind === "extra_shift");
  const stops = calendar.exceptions.filter((exception) => exception.kind !== "extra_shift");
  const days: PreviewDay[] = [];
  let date: LocalDate = localParts(from, calendar.timeZone);
  for (;;) {
    const start = zonedInstant(date, 0, calendar.timeZone);
    if (start >= to) break;
    const end = zonedInstant(addDays(date, 1), 0, calendar.timeZone);
    const length = end - start;
    const piece = (interval: Interval): DayPiece | null => {
      const clipped = { start: Math.max(interval.start, start, from), end: Math.min(interval.end, end, to) };
      if (clipped.end <= clipped.start) return null;
      return { ...clipped, left: (clipped.start - start) / length, width: (clipped.end - clipped.start) / length };
    };
    const dayWindows = windows.flatMap((window) => {
      const cut = piece(window);
      return cut ? [{ ...cut, extra: extras.some((extra) => extra.start <= window.start && extra.end >= window.end) }] : [];
    });
    days.push({
      date: `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`,
      label: `${WEEKDAY_SHORT[weekdayOf(date)]} ${date.day} ${MONTHS[date.month - 1]}`,
      weekday: weekdayOf(date),
      start,
      end,
      hours: length / 3_600_000,
      windows: dayWindows,
      stops: stops.flatMap((stop) => {
        const cut = piece(stop);
        return cut ? [{ ...cut, kind: stop.kind as "holiday" | "maintenance", note: stop.note }] : [];
      }),
      productionMinutes: dayWindows.reduce((sum, window) => sum + (window.end - window.start) / 60_000, 0),
    });
    date = addDays(date, 1);
  }
  return { timeZone: calendar.timeZone, from, to, days, productionMinutes: days.reduce((sum, day) => sum + day.productionMinutes, 0) };
}
