import type { Actor } from "@/lib/core/policy";
import { recordAudit } from "../audit/record-audit";
import { clock } from "../clock";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { nudgeOutbox, writeOutboxEvent } from "../realtime/outbox";
import { planPublished } from "./line-live-events";
import { loadLineForActor } from "./load-line-for-actor";
import { pushLineQueue } from "./push-line-queue";
import type { QueueJobsOnLine } from "./queue-jobs-schema";

const MINUTE_MS = 60_000;

/**
 * Puts jobs on a line, in order, and publishes the result as the manufacturer's next plan
 * version — in one transaction — then sends the line its queue. The planner board's publish
 * does the same for every line at once; this one-line form serves manual planning, tests and
 * the demo. The new plan carries the previous plan's assignments of the other lines, so every
 * published version describes the whole factory.
 */
export async function queueJobsOnLine(actor: Actor, lineId: string, input: QueueJobsOnLine, address: string | null) {
  const result = await db.$transaction(async (tx) => {
    const { line, actor: planner } = await loadLineForActor(actor, "plan.publish", lineId, tx);
    const jobs = await tx.productionJob.findMany({
      where: { id: { in: input.jobIds }, manufacturerId: line.manufacturerId },
      select: { id: true, status: true, family: true, minutes: true, lineId: true, version: true },
    });
    const byId = new Map(jobs.map((job) => [job.id, job]));
    for (const id of input.jobIds) {
      const job = byId.get(id);
      if (!job) throw new AppError("JOB_NOT_FOUND", `Job ${id} not found.`, { status: 404 });
      if (!["ready", "scheduled", "queued"].includes(job.status) || (job.status === "queued" && job.lineId !== line.id)) {
        throw new AppError("JOB_NOT_QUEUEABLE", `Job ${id} is ${job.status}${job.lineId && job.lineId !== line.id ? " on another line" : ""}; only ready or scheduled jobs can be queued.`, { status: 409 });
      }
    }
    if (new Set(input.jobIds).size !== input.jobIds.length) throw new AppError("DUPLICATE_JOB", "A job appears twice in the queue.", { status: 422 });

    const running = await tx.productionJob.findMany({ where: { lineId: line.id, status: "running" }, select: { id: true, family: true, end: true } });
    const setup = await setupLookup(tx, line.manufacturerId);
    let cursor = Math.max(input.start ? new Date(input.start).getTime() : clock.now().getTime(), ...running.map((job) => job.end?.getTime() ?? 0));
    let family = running.at(-1)?.family ?? (await tx.line.findUniqueOrThrow({ where: { id: line.id }, select: { currentFamily: true } })).currentFamily;
    const slots = input.jobIds.map((id, sequence) => {
      const job = byId.get(id)!;
      const setupMinutes = family === null || family === job.family ? 0 : setup(family, job.family);
      const start = new Date(cursor + setupMinutes * MINUTE_MS);
      const end = new Date(start.getTime() + Math.ceil(job.minutes / line.speed) * MINUTE_MS);
      cursor = end.getTime();
      family = job.family;
      return { job, sequence: sequence + running.length, start, end, setupMinutes };
    });

    // Jobs this line had queued that the new queue leaves out go back to the planner's pool.
    await tx.productionJob.updateMany({
      where: { lineId: line.id, status: "queued", id: { notIn: input.jobIds } },
      data: { status: "ready", lineId: null, start: null, end: null, setupMinutes: null, version: { increment: 1 } },
    });
    for (const slot of slots) {
      await tx.productionJob.update({
        where: { id: slot.job.id, version: slot.job.version },
        data: { status: "queued", lineId: line.id, start: slot.start, end: slot.end, setupMinutes: slot.setupMinutes, version: { increment: 1 } },
      });
    }

    const version = await publishPlan(tx, line, planner.userId, slots);
    await recordAudit(tx, { actor, action: "plan.publish", targetType: "line", targetId: line.id, address, details: { planVersion: version, jobs: input.jobIds.length } });
    await writeOutboxEvent(tx, planPublished(line.manufacturerId, version));
    return { planVersion: version, jobs: slots.map((slot) => ({ id: slot.job.id, start: slot.start, end: slot.end, setupMinutes: slot.setupMinutes })) };
  });
  nudgeOutbox();
  const push = await pushLineQueue(lineId);
  return { ...result, push };
}

async function publishPlan(tx: Tx, line: { id: string; manufacturerId: string }, userId: string, slots: Array<{ job: { id: string }; sequence: number; start: Date; end: Date; setupMinutes: number }>) {
  // Serializes publishes of one manufacturer: versions are 1, 2, 3 … without gaps or clashes.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`plan:${line.manufacturerId}`}))`;
  const previous = await tx.plan.findFirst({ where: { manufacturerId: line.manufacturerId, status: "published" }, orderBy: { version: "desc" }, select: { id: true } });
  const latest = await tx.plan.aggregate({ where: { manufacturerId: line.manufacturerId }, _max: { version: true } });
  const version = (latest._max.version ?? 0) + 1;
  const now = clock.now();
  const plan = await tx.plan.create({ data: { manufacturerId: line.manufacturerId, version, status: "published", source: "manual", createdById: userId, createdAt: now, publishedAt: now } });
  const carried = previous
    ? await tx.planAssignment.findMany({
        where: { planId: previous.id, lineId: { not: line.id }, job: { status: { in: ["queued", "running"] } } },
        select: { jobId: true, lineId: true, sequence: true, start: true, end: true, setupMinutes: true },
      })
    : [];
  await tx.planAssignment.createMany({
    data: [
      ...carried.map((assignment) => ({ ...assignment, planId: plan.id })),
      ...slots.map((slot) => ({ planId: plan.id, jobId: slot.job.id, lineId: line.id, sequence: slot.sequence, start: slot.start, end: slot.end, setupMinutes: slot.setupMinutes })),
    ],
  });
  if (previous) await tx.plan.update({ where: { id: previous.id }, data: { status: "superseded" } });
  return version;
}

/** Changeover minutes between families: the setup matrix, else the factory default. */
async function setupLookup(tx: Tx, manufacturerId: string) {
  const [times, settings] = await Promise.all([
    tx.setupTime.findMany({ where: { manufacturerId }, select: { fromFamily: true, toFamily: true, minutes: true } }),
    tx.factorySettings.findUnique({ where: { manufacturerId }, select: { setupDefaultMinutes: true } }),
  ]);
  const matrix = new Map(times.map((time) => [`${time.fromFamily}→${time.toFamily}`, time.minutes]));
  return (from: string, to: string) => matrix.get(`${from}→${to}`) ?? settings?.setupDefaultMinutes ?? 30;
}
