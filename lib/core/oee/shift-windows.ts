import { addDays, localParts, weekdayOf, zonedInstant } from "./zoned-time";

export type Interval = { start: number; end: number };

export type LineCalendar = {
  timeZone: string;
  /** Weekly shifts: weekday 0 = Monday, minutes from local midnight (end may pass midnight). */
  shifts: Array<{ weekday: number; startMinute: number; endMinute: number; name: string }>;
  exceptions: Array<{ kind: "holiday" | "maintenance" | "extra_shift"; start: number; end: number; note: string }>;
};

export type ShiftWindow = {
  /** "Mon 2 Dec early", for the chart's axis. */
  label: string;
  name: string;
  start: number;
  end: number;
  /** Parts of the shift not planned for production (holidays, planned maintenance). */
  plannedStops: Interval[];
};

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * The shift instances of a line's calendar that overlap [from, to], oldest first: weekly shifts
 * laid on local dates in the line's time zone (so a shift keeps its local hours across a
 * daylight-saving change), plus extra shifts; holidays and maintenance become planned stops.
 */
export function shiftWindows(calendar: LineCalendar, from: number, to: number): ShiftWindow[] {
  const windows: ShiftWindow[] = [];
  const first = localParts(from, calendar.timeZone);
  const last = localParts(to, calendar.timeZone);
  // Start a day early: a night shift begun yesterday may still run at `from`.
  let date = addDays(first, -1);
  const lastKey = last.year * 10_000 + last.month * 100 + last.day;
  while (date.year * 10_000 + date.month * 100 + date.day <= lastKey) {
    const weekday = weekdayOf(date);
    for (const shift of calendar.shifts.filter((candidate) => candidate.weekday === weekday)) {
      const endMinute = shift.endMinute > shift.startMinute ? shift.endMinute : shift.endMinute + 1_440;
      const start = zonedInstant(date, shift.startMinute, calendar.timeZone);
      const end = zonedInstant(date, endMinute, calendar.timeZone);
      if (end > from && start < to) windows.push({ label: `${WEEKDAYS[weekday]} ${date.day} ${MONTHS[date.month - 1]} ${shift.name}`.trim(), name: shift.name, start, end, plannedStops: [] });
    }
    date = addDays(date, 1);
  }
  for (const extra of calendar.exceptions.filter((exception) => exception.kind === "extra_shift")) {
    if (extra.end > from && extra.start < to) windows.push({ label: extra.note || "extra shift", name: extra.note || "extra shift", start: extra.start, end: extra.end, plannedStops: [] });
  }
  for (const window of windows) {
    window.plannedStops = calendar.exceptions
      .filter((exception) => exception.kind !== "extra_shift" && exception.end > window.start && exception.start < window.end)
      .map((exception) => ({ start: Math.max(exception.start, window.start), end: Math.min(exception.end, window.end) }));
  }
  return windows.sort((a, b) => a.start - b.start);
}
