import { calendarExceptionAction, type CalendarException } from "@/lib/core/lines/calendar-exceptions";
import type { LineCalendarExceptionView } from "@/lib/core/lines/line-admin-views";
import type { Actor } from "@/lib/core/policy";
import { recordAudit } from "../audit/record-audit";
import { db } from "../db";
import { nudgeOutbox, writeOutboxEvent } from "../realtime/outbox";
import { linesChanged } from "./line-admin-events";
import { loadLineForChange } from "./load-line-for-change";

/**
 * Adds a holiday, a maintenance window (planners and admins) or an extra shift (admins) to a
 * line's calendar. Exceptions are rows of their own: adding one never conflicts with an edit of
 * the line's settings or shifts, so no version is asked for.
 */
export async function addCalendarException(actor: Actor, lineId: string, input: CalendarException, address: string | null): Promise<LineCalendarExceptionView> {
  const created = await db.$transaction(async (tx) => {
    const { line, staff } = await loadLineForChange(tx, actor, calendarExceptionAction(input.kind), lineId);
    const exception = await tx.lineCalendarException.create({
      data: { lineId: line.id, kind: input.kind, start: new Date(input.start), end: new Date(input.end), note: input.note },
      select: { id: true, kind: true, start: true, end: true, note: true },
    });
    await recordAudit(tx, {
      actor: staff,
      action: "line.exception.add",
      targetType: "line-calendar-exception",
      targetId: exception.id,
      address,
      details: { lineId: line.id, code: line.code, kind: input.kind, start: exception.start.toISOString(), end: exception.end.toISOString(), note: input.note },
    });
    await writeOutboxEvent(tx, linesChanged(line.manufacturerId, "line-calendar", staff.userId, line.id));
    return exception;
  });
  nudgeOutbox();
  return { id: created.id, kind: created.kind, start: created.start.toISOString(), end: created.end.toISOString(), note: created.note };
}
