import type { Actor } from "@/lib/core/policy";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import { clock } from "../clock";
import { db } from "../db";
import { AppError } from "../errors";
import { nudgeOutbox, writeOutboxEvents } from "../realtime/outbox";
import { boardChanged } from "./job-events";
import { requirePlanner } from "./load-planning-state";

/** The line is back: the outage ends now in its calendar and the line is idle again. */
export async function markLineUp(actor: Actor, lineId: string, address: string | null) {
  const planner = requirePlanner(actor, "job.move");
  const result = await db.$transaction(async (tx) => {
    const now = clock.now();
    const line = await tx.line.findFirst({ where: { id: lineId, manufacturerId: planner.organizationId }, select: { id: true, manufacturerId: true } });
    authorize(actor, "line.command", { manufacturerId: line?.manufacturerId ?? "" }, "LINE_NOT_FOUND");
    if (!line) throw new AppError("LINE_NOT_FOUND", "Not found.", { status: 404 });
    const ended = await tx.lineCalendarException.updateMany({
      where: { lineId: line.id, kind: "maintenance", note: { startsWith: "Down:" }, start: { lte: now }, end: { gt: now } },
      data: { end: now },
    });
    await tx.line.update({ where: { id: line.id }, data: { status: "idle", statusReason: null, version: { increment: 1 } } });
    await recordAudit(tx, { actor: planner, action: "line.mark-up", targetType: "line", targetId: line.id, address });
    await writeOutboxEvents(tx, [
      { type: "line.updated", rooms: [`manufacturer:${line.manufacturerId}`, `line:${line.id}`], payload: { lineId: line.id, status: "idle", statusReason: null } },
      boardChanged(line.manufacturerId, "line-up", planner.userId),
    ]);
    return { lineId: line.id, outagesEnded: ended.count };
  });
  nudgeOutbox();
  return result;
}
