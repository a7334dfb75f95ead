/**
 * FORMAT.md times are whole-minute UTC ISO strings. Internally every time is an integer
 * number of minutes, either since the epoch (here) or since the horizon start (the model).
 */
const WHOLE_MINUTE_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]00:?00)$/;
const MS_PER_MINUTE = 60_000;

/** Minutes since the epoch, or null when `iso` is not a whole-minute UTC time. */
export function isoToEpochMinutes(iso: string): number | null {
  if (!WHOLE_MINUTE_UTC.test(iso)) return null;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms) || ms % MS_PER_MINUTE !== 0) return null;
  return ms / MS_PER_MINUTE;
}

/** "2026-12-01T06:00:00Z" for minutes since the epoch. */
export function epochMinutesToIso(minutes: number): string {
  return new Date(minutes * MS_PER_MINUTE).toISOString().replace(".000Z", "Z");
}

/** Minutes from `epochOffset` (minutes since the epoch) for a time already validated by the schema. */
export function minutesFrom(iso: string, epochOffset: number): number {
  const minutes = isoToEpochMinutes(iso);
  if (minutes === null) throw new Error(`not a whole-minute UTC time: ${iso}`);
  return minutes - epochOffset;
}
