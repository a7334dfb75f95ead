import { describeShift, sortShifts, type ReplaceLineShifts } from "@/lib/core/lines/weekly-shifts";
import type { Actor } from "@/lib/core/policy";
import { recordAudit } from "../audit/record-audit";
import { db } from "../db";
import { nudgeOutbox, writeOutboxEvent } from "../realtime/outbox";
import { linesChanged } from "./line-admin-events";
import { claimLineVersion, loadLineForChange } from "./load-line-for-change";

/**
 * Replaces a line's weekly shifts as a whole (the editor shows the week and saves the week),
 * if nobody changed the line since the editor read `version`.
 */
export async function replaceLineShifts(actor: Actor, lineId: string, input: ReplaceLineShifts, address: string | null) {
  const result = await db.$transaction(async (tx) => {
    const { line, staff } = await loadLineForChange(tx, actor, "line.manage", lineId);
    const version = await claimLineVersion(tx, line, input.version);
    const before = await tx.lineShift.findMany({ where: { lineId: line.id }, select: { weekday: true, startMinute: true, endMinute: true, name: true } });
    const shifts = sortShifts(input.shifts);
    await tx.lineShift.deleteMany({ where: { lineId: line.id } });
    if (shifts.length > 0) await tx.lineShift.createMany({ data: shifts.map((shift) => ({ lineId: line.id, ...shift })) });
    await recordAudit(tx, {
      actor: staff,
      action: "line.shifts.replace",
      targetType: "line",
      targetId: line.id,
      address,
      details: { code: line.code, before: sortShifts(before).map(describeShift), after: shifts.map(describeShift) },
    });
    await writeOutboxEvent(tx, linesChanged(line.manufacturerId, "line-shifts", staff.userId, line.id));
    return { id: line.id, version, shifts };
  });
  nudgeOutbox();
  return result;
}
