import type { LockJob } from "@/lib/core/planning/planning-schemas";
import type { Actor } from "@/lib/core/policy";
import { db } from "../db";
import { AppError, conflict } from "../errors";
import { nudgeOutbox, writeOutboxEvents } from "../realtime/outbox";
import { jobPlanned } from "./job-events";
import { requirePlanner } from "./load-planning-state";

/** Locks a planned job where it is (the scheduler treats it as a pin) or unlocks it. */
export async function setJobLock(actor: Actor, input: LockJob) {
  const planner = requirePlanner(actor, "job.lock");
  const job = await db.$transaction(async (tx) => {
    const found = await tx.productionJob.findFirst({
      where: { id: input.jobId, manufacturerId: planner.organizationId },
      select: { id: true, code: true, version: true, lineId: true, start: true, end: true, status: true, setupMinutes: true },
    });
    if (!found) throw new AppError("JOB_NOT_FOUND", "Not found.", { status: 404 });
    if (found.version !== input.version) throw conflict("JOB_CHANGED", `${found.code} was changed by someone else meanwhile.`, { version: found.version });
    if (input.locked && (found.lineId === null || found.start === null)) throw new AppError("NOT_PLANNED", `${found.code} is not on a line; plan it before locking it.`, { status: 422 });
    const updated = await tx.productionJob.update({
      where: { id: found.id, version: found.version },
      data: { locked: input.locked, lockedById: input.locked ? planner.userId : null, version: { increment: 1 } },
      select: { id: true, lineId: true, start: true, end: true, status: true, locked: true, version: true, setupMinutes: true },
    });
    await writeOutboxEvents(tx, [
      jobPlanned(planner.organizationId, { ...updated, start: updated.start?.getTime() ?? null, end: updated.end?.getTime() ?? null }, planner.userId),
    ]);
    return updated;
  });
  nudgeOutbox();
  return { id: job.id, locked: job.locked, version: job.version };
}
