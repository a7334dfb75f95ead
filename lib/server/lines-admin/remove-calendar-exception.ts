import { calendarExceptionAction } from "@/lib/core/lines/calendar-exceptions";
import type { Actor } from "@/lib/core/policy";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import { db } from "../db";
import { AppError } from "../errors";
import { nudgeOutbox, writeOutboxEvent } from "../realtime/outbox";
import { linesChanged } from "./line-admin-events";
import type { LineStaff } from "./require-line-staff";

/** Removes a holiday, maintenance window or extra shift; who may depends on its kind, as for adding. */
export async function removeCalendarException(actor: Actor, lineId: string, exceptionId: string, address: string | null): Promise<void> {
  await db.$transaction(async (tx) => {
    const exception = await tx.lineCalendarException.findFirst({
      where: { id: exceptionId, lineId },
      select: { id: true, kind: true, start: true, end: true, note: true, line: { select: { id: true, code: true, manufacturerId: true } } },
    });
    authorize(actor, calendarExceptionAction(exception?.kind ?? "extra_shift"), { manufacturerId: exception?.line.manufacturerId ?? "(no such exception)" }, "CALENDAR_EXCEPTION_NOT_FOUND");
    if (!exception) throw new AppError("CALENDAR_EXCEPTION_NOT_FOUND", "Not found.", { status: 404 });
    const staff = actor as LineStaff;
    await tx.lineCalendarException.delete({ where: { id: exception.id } });
    await recordAudit(tx, {
      actor: staff,
      action: "line.exception.remove",
      targetType: "line-calendar-exception",
      targetId: exception.id,
      address,
      details: { lineId: exception.line.id, code: exception.line.code, kind: exception.kind, start: exception.start.toISOString(), end: exception.end.toISOString(), note: exception.note },
    });
    await writeOutboxEvent(tx, linesChanged(exception.line.manufacturerId, "line-calendar", staff.userId, exception.line.id));
  });
  nudgeOutbox();
}
