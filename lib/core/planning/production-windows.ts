import { shiftWindows, type LineCalendar } from "../oee/shift-windows";
import type { Interval } from "./planning-model";

/** When a line may produce within [from, to): its shifts minus planned stops, merged and sorted. */
export function productionWindows(calendar: LineCalendar, from: number, to: number): Interval[] {
  const windows: Interval[] = [];
  for (const shift of shiftWindows(calendar, from, to)) {
    let pieces: Interval[] = [{ start: Math.max(shift.start, from), end: Math.min(shift.end, to) }];
    for (const stop of shift.plannedStops) {
      pieces = pieces.flatMap((piece) => {
        if (stop.end <= piece.start || stop.start >= piece.end) return [piece];
        return [
          { start: piece.start, end: stop.start },
          { start: stop.end, end: piece.end },
        ].filter((part) => part.end > part.start);
      });
    }
    windows.push(...pieces.filter((piece) => piece.end > piece.start));
  }
  windows.sort((a, b) => a.start - b.start);
  // Back-to-back shifts stay separate windows: a job may not run across a shift change (FORMAT.md).
  return windows;
}
