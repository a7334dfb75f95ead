import { z } from "zod";
import type { Action } from "../policy/actions";

export const CALENDAR_EXCEPTION_KINDS = ["holiday", "maintenance", "extra_shift"] as const;
export type CalendarExceptionKind = (typeof CALENDAR_EXCEPTION_KINDS)[number];

export const CALENDAR_EXCEPTION_LABELS: Record<CalendarExceptionKind, string> = {
  holiday: "Holiday",
  maintenance: "Maintenance",
  extra_shift: "Extra shift",
};

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** An extra shift is one production window (a job may not run across windows): a week at most. */
const MAX_SPAN_MS: Record<CalendarExceptionKind, number> = { holiday: 366 * DAY_MS, maintenance: 366 * DAY_MS, extra_shift: 7 * DAY_MS };

const Instant = z.iso
  .datetime({ offset: true, error: "Use an ISO date-time such as 2026-12-24T00:00:00+01:00." })
  .refine((value) => Date.parse(value) % MINUTE_MS === 0, "Use whole minutes (the scheduler plans in minutes).");

/**
 * A change to a line's weekly calendar between two instants (UTC in the database): a holiday or
 * maintenance takes production time away, an extra shift adds a window.
 */
export const CalendarExceptionSchema = z
  .object({
    kind: z.enum(CALENDAR_EXCEPTION_KINDS, { error: "Choose holiday, maintenance or extra shift." }),
    start: Instant,
    end: Instant,
    note: z.string().trim().max(200, "At most 200 characters.").default(""),
  })
  .superRefine((exception, context) => {
    const start = Date.parse(exception.start);
    const end = Date.parse(exception.end);
    if (!(end > start)) {
      context.addIssue({ code: "custom", path: ["end"], message: "It must end after it starts." });
      return;
    }
    const limit = MAX_SPAN_MS[exception.kind];
    if (end - start > limit) {
      context.addIssue({ code: "custom", path: ["end"], message: `${CALENDAR_EXCEPTION_LABELS[exception.kind]} may last at most ${limit / DAY_MS} days.` });
    }
  });
export type CalendarException = z.infer<typeof CalendarExceptionSchema>;
export type CalendarExceptionInput = z.input<typeof CalendarExceptionSchema>;

/**
 * Who may change an exception of this kind. Holidays and maintenance windows take time away, as
 * a planner already does when marking a line down: planners and admins (`line-stop.manage`).
 * An extra shift puts people on the floor: the admin's decision (`line.manage`).
 */
export function calendarExceptionAction(kind: CalendarExceptionKind): Action {
  return kind === "extra_shift" ? "line.manage" : "line-stop.manage";
}
