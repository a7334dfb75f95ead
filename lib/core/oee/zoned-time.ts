/**
 * Local wall-clock time in an IANA time zone → UTC instant, with the platform's Intl data (no
 * library). Around a daylight-saving change the offset is re-read at the result: a local time
 * in the spring gap lands after it, a repeated autumn hour resolves to its first occurrence.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
    formatters.set(timeZone, format);
  }
  return format;
}

export type LocalDate = { year: number; month: number; day: number };

/** The local calendar date and time of an instant in `timeZone`. */
export function localParts(instantMs: number, timeZone: string): LocalDate & { hour: number; minute: number; second: number } {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(instantMs)).map((part) => [part.type, part.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second) };
}

/**
 * Offsets already read, per time zone and whole second: calendars are laid out again and again
 * over the same days (every plan, every promise), and reading Intl is what that costs. Bounded:
 * cleared when full.
 */
const offsets = new Map<string, Map<number, number>>();
const MAX_OFFSETS_PER_ZONE = 100_000;

/** Offset of `timeZone` from UTC at an instant, in ms (positive east of Greenwich). */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const second = Math.floor(instantMs / 1000) * 1000;
  let known = offsets.get(timeZone);
  if (!known) offsets.set(timeZone, (known = new Map()));
  const cached = known.get(second);
  if (cached !== undefined) return cached;
  const local = localParts(second, timeZone);
  const offset = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second) - second;
  if (known.size >= MAX_OFFSETS_PER_ZONE) known.clear();
  known.set(second, offset);
  return offset;
}

/** The instant at `minutes` after local midnight of `date` in `timeZone` (minutes may exceed a day). */
export function zonedInstant(date: LocalDate, minutes: number, timeZone: string): number {
  const wallClock = Date.UTC(date.year, date.month - 1, date.day) + minutes * 60_000;
  const first = wallClock - zoneOffsetMs(wallClock, timeZone);
  const second = wallClock - zoneOffsetMs(first, timeZone);
  return first === second ? first : Math.max(first, second);
}

/** Monday = 0 … Sunday = 6, as the line calendar counts weekdays. */
export function weekdayOf(date: LocalDate): number {
  return (new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}
