import { z } from "zod";
import { LineVersionSchema } from "./line-settings-schema";
import { formatMinuteOfDay, MINUTES_PER_DAY, MINUTES_PER_WEEK, WEEKDAY_SHORT } from "./minutes-of-day";

/**
 * A weekly shift in the line's own time zone: weekday 0 = Monday, minutes from local midnight.
 * An end at or before the start means the shift runs past midnight into the next day (a night
 * shift 22:00–06:00), which is how the calendar expansion (`shiftWindows`) reads it.
 */
export const WeeklyShiftSchema = z
  .object({
    weekday: z.number({ error: "Choose a weekday." }).int().min(0, "Weekdays run 0 (Monday) to 6 (Sunday).").max(6, "Weekdays run 0 (Monday) to 6 (Sunday)."),
    startMinute: z.number({ error: "Give a start time." }).int("Whole minutes.").min(0, "Starts from 00:00.").max(MINUTES_PER_DAY - 1, "Starts by 23:59."),
    endMinute: z.number({ error: "Give an end time." }).int("Whole minutes.").min(0, "Ends from 00:00.").max(MINUTES_PER_DAY, "Ends by 24:00."),
    name: z.string().trim().max(40, "At most 40 characters.").default(""),
  })
  .refine((shift) => shift.endMinute !== shift.startMinute, { path: ["endMinute"], message: "A shift cannot end when it starts." });
export type WeeklyShift = z.infer<typeof WeeklyShiftSchema>;

/** Minutes the shift lasts, counting past midnight for a night shift. */
export function shiftLengthMinutes(shift: Pick<WeeklyShift, "startMinute" | "endMinute">): number {
  return shift.endMinute > shift.startMinute ? shift.endMinute - shift.startMinute : shift.endMinute + MINUTES_PER_DAY - shift.startMinute;
}

export function crossesMidnight(shift: Pick<WeeklyShift, "startMinute" | "endMinute">): boolean {
  return shift.startMinute + shiftLengthMinutes(shift) > MINUTES_PER_DAY;
}

/** "Mon 22:00–06:00 night" */
export function describeShift(shift: WeeklyShift): string {
  const end = shift.endMinute === MINUTES_PER_DAY ? "24:00" : formatMinuteOfDay(shift.endMinute % MINUTES_PER_DAY);
  return `${WEEKDAY_SHORT[shift.weekday] ?? "?"} ${formatMinuteOfDay(shift.startMinute)}–${end}${shift.name ? ` ${shift.name}` : ""}`;
}

/**
 * Pairs of shifts that overlap within the week, `[earlier index, later index]`. The week wraps:
 * Sunday's night shift runs into Monday morning. Touching shifts (one ends at 14:00, the next
 * starts at 14:00) do not overlap.
 */
export function findShiftOverlaps(shifts: ReadonlyArray<Pick<WeeklyShift, "weekday" | "startMinute" | "endMinute">>): Array<[number, number]> {
  const spans = shifts.map((shift) => {
    const start = shift.weekday * MINUTES_PER_DAY + shift.startMinute;
    return { start, end: start + shiftLengthMinutes(shift) };
  });
  const overlaps: Array<[number, number]> = [];
  for (let i = 0; i < spans.length; i++) {
    for (let j = i + 1; j < spans.length; j++) {
      const a = spans[i]!;
      const b = spans[j]!;
      const hit = [-MINUTES_PER_WEEK, 0, MINUTES_PER_WEEK].some((shift) => a.start < b.end + shift && b.start + shift < a.end);
      if (hit) overlaps.push([i, j]);
    }
  }
  return overlaps;
}

export const WeeklyShiftsSchema = z
  .array(WeeklyShiftSchema)
  .max(100, "At most 100 shifts a week.")
  .superRefine((shifts, context) => {
    for (const [first, second] of findShiftOverlaps(shifts)) {
      context.addIssue({
        code: "custom",
        path: [second],
        message: `${describeShift(shifts[second]!)} overlaps ${describeShift(shifts[first]!)} (shift ${first + 1}).`,
      });
    }
  });

export const ReplaceLineShiftsSchema = z.object({ version: LineVersionSchema, shifts: WeeklyShiftsSchema });
export type ReplaceLineShifts = z.infer<typeof ReplaceLineShiftsSchema>;

/** Shifts in the order a person reads a week: by weekday, then start. */
export function sortShifts<T extends Pick<WeeklyShift, "weekday" | "startMinute">>(shifts: readonly T[]): T[] {
  return [...shifts].sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute);
}
