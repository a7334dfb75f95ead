import type { Actor } from "@/lib/core/policy";
import { recordAudit } from "../audit/record-audit";
import { db } from "../db";
import { conflict } from "../errors";
import { nudgeOutbox, writeOutboxEvent } from "../realtime/outbox";
import { PLANNED_STATUSES } from "./get-line-settings";
import { linesChanged } from "./line-admin-events";
import { loadLineForChange } from "./load-line-for-change";

/**
 * Deletes a line that nothing depends on: no job planned, queued or running on it, no open
 * proposal placing a job on it, no agent connected. Its calendar, credentials and event history
 * go with it; finished jobs keep their record without the line.
 */
export async function deleteLine(actor: Actor, lineId: string, address: string | null): Promise<void> {
  await db.$transaction(async (tx) => {
    const { line, staff } = await loadLineForChange(tx, actor, "line.manage", lineId);
    // Lock the row: a line being deleted takes no new work from a concurrent save.
    await tx.$queryRaw`SELECT "id" FROM "Line" WHERE "id" = ${line.id} FOR UPDATE`;
    const planned = await tx.productionJob.findMany({ where: { lineId: line.id, status: { in: [...PLANNED_STATUSES] } }, select: { code: true }, orderBy: { start: "asc" }, take: 5 });
    if (planned.length > 0) {
      const total = await tx.productionJob.count({ where: { lineId: line.id, status: { in: [...PLANNED_STATUSES] } } });
      throw conflict("LINE_HAS_PLANNED_JOBS", `${line.code} still has ${total} planned job(s) (${planned.map((job) => job.code).join(", ")}${total > planned.length ? ", …" : ""}). Move them to other lines or the backlog first.`, { plannedJobs: total });
    }
    const proposed = await tx.planAssignment.count({ where: { lineId: line.id, plan: { status: "proposal" } } });
    if (proposed > 0) throw conflict("LINE_IN_PROPOSAL", `An open proposal places ${proposed} job(s) on ${line.code}. Accept or discard it first.`, { proposedJobs: proposed });
    if (line.online) throw conflict("LINE_ONLINE", `${line.code}'s agent is connected. Revoke its credentials to disconnect it first.`);
    await tx.line.delete({ where: { id: line.id } });
    await recordAudit(tx, { actor: staff, action: "line.delete", targetType: "line", targetId: line.id, address, details: { code: line.code, name: line.name } });
    await writeOutboxEvent(tx, linesChanged(line.manufacturerId, "line-deleted", staff.userId, line.id));
  });
  nudgeOutbox();
}
