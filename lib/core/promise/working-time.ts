/**
 * Working time on a factory calendar: the union of its lines' production windows (shifts minus
 * holidays, maintenance and outages), epoch milliseconds. The promise's safety margin is kept
 * in working minutes, so a margin learned on a Tuesday means the same on a Friday evening:
 * half a shift of delay is half a shift, not a weekend.
 */
export type Interval = { start: number; end: number };

const MINUTE_MS = 60_000;

/** The union of intervals, sorted, touching ones joined. */
export function mergeWindows(windows: readonly Interval[]): Interval[] {
  const sorted = windows.filter((window) => window.end > window.start).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const window of sorted) {
    const last = merged.at(-1);
    if (last && window.start <= last.end) last.end = Math.max(last.end, window.end);
    else merged.push({ ...window });
  }
  return merged;
}

/**
 * The instant `minutes` of working time after `from` (merged windows). Past the calendar's last
 * window the remainder counts as calendar time: a calendar that ends is no reason to promise
 * sooner, and the caller's calendar reaches past its horizon.
 */
export function addWorkingMinutes(windows: readonly Interval[], from: number, minutes: number): number {
  let remaining = Math.max(0, minutes) * MINUTE_MS;
  if (remaining === 0) return from;
  let cursor = from;
  for (const window of windows) {
    if (window.end <= cursor) continue;
    const start = Math.max(window.start, cursor);
    const available = window.end - start;
    if (available >= remaining) return start + remaining;
    remaining -= available;
    cursor = window.end;
  }
  return cursor + remaining;
}

/** Working minutes from `from` to `to` (merged windows); negative when `to` is earlier. */
export function workingMinutesBetween(windows: readonly Interval[], from: number, to: number): number {
  if (to < from) return -workingMinutesBetween(windows, to, from);
  let total = 0;
  for (const window of windows) {
    if (window.end <= from) continue;
    if (window.start >= to) break;
    total += Math.min(window.end, to) - Math.max(window.start, from);
  }
  return total / MINUTE_MS;
}
