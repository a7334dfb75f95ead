import { randomUUID } from "node:crypto";
import type { MarkLineDown } from "@/lib/core/planning/planning-schemas";
import type { Actor } from "@/lib/core/policy";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import { clock } from "../clock";
import { db } from "../db";
import { AppError } from "../errors";
import { nudgeOutbox, writeOutboxEvents } from "../realtime/outbox";
import { runFollowUp } from "../promise/follow-ups";
import { forgetPromiseFactory } from "../promise/load-promise-factory";
import { markPromiseBaseStale } from "../promise/promise-base";
import { repairAfterDisruption } from "../promise/repair-after-disruption";
import { boardChanged } from "./job-events";
import { requirePlanner } from "./load-planning-state";

/**
 * A line goes down until a given time (the planner marks it; an agent's breakdown report can
 * call the same): the outage enters the line's calendar, the jobs it hits are named, and the
 * scheduler's repair mode proposes the fewest moves that absorb it (capped by the factory's
 * setting). The repair is a proposal like any other: the planner accepts or discards it. Orders
 * whose date the repair no longer keeps are flagged with the outage as the cause
 * (lib/server/promise/repair-after-disruption.ts).
 */
export async function markLineDown(actor: Actor, input: MarkLineDown, address: string | null) {
  const planner = requirePlanner(actor, "job.move");
  const now = clock.now().getTime();
  // Outages end on a whole minute (the scheduler's unit), rounded up: never a minute short.
  const until = Math.ceil(Date.parse(input.until) / 60_000) * 60_000;
  if (until <= now) throw new AppError("VALIDATION_FAILED", "The line must be down until a time in the future.", { status: 422, details: { fields: [{ path: "until", message: "Must be in the future." }] } });

  const outage = await db.$transaction(async (tx) => {
    const line = await tx.line.findFirst({ where: { id: input.lineId, manufacturerId: planner.organizationId }, select: { id: true, code: true, manufacturerId: true } });
    authorize(actor, "line.command", { manufacturerId: line?.manufacturerId ?? "" }, "LINE_NOT_FOUND");
    if (!line) throw new AppError("LINE_NOT_FOUND", "Not found.", { status: 404 });
    const exception = await tx.lineCalendarException.create({
      data: { lineId: line.id, kind: "maintenance", start: new Date(now), end: new Date(until), note: `Down: ${input.reason}` },
      select: { id: true },
    });
    await tx.line.update({ where: { id: line.id }, data: { status: "down", statusReason: input.reason, version: { increment: 1 } } });
    const hit = await tx.productionJob.findMany({
      where: { lineId: line.id, status: { in: ["scheduled", "queued"] }, start: { lt: new Date(until) }, end: { gt: new Date(now) } },
      select: { id: true, code: true },
    });
    await recordAudit(tx, { actor: planner, action: "line.mark-down", targetType: "line", targetId: line.id, address, details: { until: input.until, reason: input.reason, jobsHit: hit.length } });
    await writeOutboxEvents(tx, [
      { type: "line.updated", rooms: [`manufacturer:${line.manufacturerId}`, `line:${line.id}`], payload: { lineId: line.id, status: "down", statusReason: input.reason } },
      boardChanged(line.manufacturerId, "line-down", planner.userId),
    ]);
    return { line, exceptionId: exception.id, affected: hit };
  });
  nudgeOutbox();
  // Promises are made on the calendar without this time from now on.
  markPromiseBaseStale(planner.organizationId);
  forgetPromiseFactory(planner.organizationId);
  if (outage.affected.length === 0) return { lineId: outage.line.id, affected: [], repair: null };
  // The repair (fewest moves) becomes a proposal, and the orders it makes late are flagged with the cause.
  const runId = randomUUID();
  const cause = `line ${outage.line.code} is down until ${new Date(until).toISOString().slice(0, 16).replace("T", " ")} UTC (${input.reason})`;
  runFollowUp("repair after a line went down", () =>
    repairAfterDisruption(planner.organizationId, { kind: "line-down", lineId: outage.line.id, until, exceptionId: outage.exceptionId, cause, byUserId: planner.userId }),
  );
  return { lineId: outage.line.id, affected: outage.affected.map((job) => job.code), repair: { runId } };
}
