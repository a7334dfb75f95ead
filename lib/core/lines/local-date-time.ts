import { localParts, zonedInstant } from "../oee/zoned-time";

const pad = (value: number) => String(value).padStart(2, "0");

/**
 * "2026-12-24T06:00" read as wall-clock time in `timeZone` → ISO instant, or null when the text
 * is not a date-time. A time in the spring-forward gap lands after it (as shifts do).
 */
export function localDateTimeToIso(text: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  return new Date(zonedInstant({ year, month, day }, hour * 60 + minute, timeZone)).toISOString();
}

/** An instant as the value of a datetime-local input in `timeZone`: "2026-12-24T06:00". */
export function instantToLocalDateTime(instant: number, timeZone: string): string {
  const local = localParts(instant, timeZone);
  return `${local.year}-${pad(local.month)}-${pad(local.day)}T${pad(local.hour)}:${pad(local.minute)}`;
}

/** "Thu 24 Dec 2026, 06:00" in `timeZone`, for lists. */
export function formatLocalInstant(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
}
