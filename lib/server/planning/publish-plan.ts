import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/core/policy";
import { recordAudit } from "../audit/record-audit";
import { clock } from "../clock";
import { db } from "../db";
import { AppError } from "../errors";
import { agentNamespace } from "../lines/agent-sockets";
import { planPublished } from "../lines/line-live-events";
import { pushLineQueue } from "../lines/push-line-queue";
import { nudgeOutbox, writeOutboxEvents } from "../realtime/outbox";
import { insertPlanAssignments } from "./insert-plan-assignments";
import { boardChanged } from "./job-events";
import { requirePlanner } from "./load-planning-state";
import { acquirePlanningLease, leaseHolder, releasePlanningLease } from "./planning-lease";

/**
 * Publishing makes the working plan the next plan version: its assignments are frozen, the
 * planned jobs become queued, and every line is sent its queue (the agents acknowledge the
 * version; the board shows which line runs which). One publish or scheduler run at a time.
 */
export async function publishPlan(actor: Actor, address: string | null) {
  const planner = requirePlanner(actor, "plan.publish");
  const user = await db.user.findUniqueOrThrow({ where: { id: planner.userId }, select: { name: true } });
  const holder = leaseHolder("publish", randomUUID(), user.name);
  await acquirePlanningLease(planner.organizationId, holder);
  try {
    const published = await db.$transaction(async (tx) => {
      const now = clock.now();
      const jobs = await tx.productionJob.findMany({
        where: { manufacturerId: planner.organizationId, status: { in: ["scheduled", "queued", "running"] }, lineId: { not: null }, start: { not: null }, end: { not: null } },
        orderBy: [{ lineId: "asc" }, { start: "asc" }],
        select: { id: true, lineId: true, start: true, end: true, setupMinutes: true, status: true },
      });
      if (jobs.length === 0) throw new AppError("NOTHING_TO_PUBLISH", "No job is planned on a line yet.", { status: 422 });
      const last = await tx.plan.aggregate({ where: { manufacturerId: planner.organizationId }, _max: { version: true } });
      const version = (last._max.version ?? 0) + 1;
      await tx.plan.updateMany({ where: { manufacturerId: planner.organizationId, status: "published" }, data: { status: "superseded" } });
      const sequence = new Map<string, number>();
      const plan = await tx.plan.create({
        data: {
          manufacturerId: planner.organizationId,
          version,
          status: "published",
          source: "manual",
          createdById: planner.userId,
          publishedAt: now,
          setupMinutes: jobs.reduce((sum, job) => sum + (job.setupMinutes ?? 0), 0),
          makespan: new Date(Math.max(...jobs.map((job) => job.end!.getTime()))),
        },
        select: { id: true, version: true },
      });
      await insertPlanAssignments(
        tx,
        plan.id,
        jobs.map((job) => {
          const index = sequence.get(job.lineId!) ?? 0;
          sequence.set(job.lineId!, index + 1);
          return { jobId: job.id, lineId: job.lineId!, sequence: index, start: job.start!, end: job.end!, setupMinutes: job.setupMinutes ?? 0 };
        }),
      );
      await tx.productionJob.updateMany({ where: { id: { in: jobs.filter((job) => job.status === "scheduled").map((job) => job.id) } }, data: { status: "queued", version: { increment: 1 } } });
      // Jobs of earlier versions that this plan no longer places go back to the backlog.
      await tx.productionJob.updateMany({
        where: { manufacturerId: planner.organizationId, status: "queued", id: { notIn: jobs.map((job) => job.id) } },
        data: { status: "ready", lineId: null, start: null, end: null, setupMinutes: null, version: { increment: 1 } },
      });
      await recordAudit(tx, { actor: planner, action: "plan.publish", targetType: "plan", targetId: plan.id, address, details: { version, jobs: jobs.length } });
      await writeOutboxEvents(tx, [planPublished(planner.organizationId, version), boardChanged(planner.organizationId, "plan-published", planner.userId)]);
      return { planId: plan.id, version, lineIds: [...sequence.keys()] };
    });
    nudgeOutbox();
    const lines = await db.line.findMany({ where: { manufacturerId: planner.organizationId }, select: { id: true, code: true } });
    // A process that serves no agent sockets (a script, the simulation) has nobody to send a
    // queue to: building each line's queue there only to drop it was most of a publish's reads.
    const deliveries = agentNamespace()
      ? await Promise.all(lines.map(async (line) => ({ lineId: line.id, code: line.code, ...(await pushLineQueue(line.id)) })))
      : lines.map((line) => ({ lineId: line.id, code: line.code, delivered: false as const, planVersion: published.version }));
    return { ...published, deliveries };
  } finally {
    await releasePlanningLease(planner.organizationId, holder);
  }
}
