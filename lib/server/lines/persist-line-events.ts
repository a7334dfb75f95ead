import { protocolError, type EventAck, type LineEvent } from "@/lib/core/line-protocol";
import { applyLineEvent, type JobState, type LineState } from "@/lib/core/production/apply-line-event";
import type { JobStatus } from "@/lib/core/production/job-state";
import { orderProgress, orderStatusAfterJobChange } from "@/lib/core/production/order-progress";
import { clock } from "../clock";
import { db, type Tx } from "../db";
import type { OutboxEventInput } from "../realtime/outbox";
import { jobUpdated, lineCommandUpdated, lineUpdated, orderUpdated } from "./line-live-events";
import { uuidsV7 } from "./uuid-v7";

export type IncomingEvent = { lineId: string; event: LineEvent };

type LineRow = LineState & { manufacturerId: string };
type JobRow = JobState & { code: string; orderId: string | null; manufacturerId: string };
type OrderStatus = "placed" | "parts_confirmed" | "scheduled" | "in_production" | "completed" | "shipped" | "cancelled";

/**
 * Persists a batch of agent events — from many lines, each line's in arrival order — in one
 * transaction (a group commit): every event and the state changes it causes (line, job, order,
 * command, outbox) commit together or not at all. Returns one ack per event, in input order,
 * and the outbox rows to emit after commit.
 *
 * Lines and jobs are locked FOR UPDATE, so `lastSeq` is read under the same lock that guards
 * its update: exactly-once holds across processes, and the unique (lineId, seq) backs it up.
 */
export const persistSteps: Record<string, number> = {};
const step = (name: string, since: number) => {
  persistSteps[name] = (persistSteps[name] ?? 0) + performance.now() - since;
  return performance.now();
};

export async function persistLineEvents(batch: IncomingEvent[], maxFutureSkewMs: number): Promise<{ acks: EventAck[]; outboxIds: bigint[] }> {
  let t = performance.now();
  return db.$transaction(async (tx) => {
    t = step("begin", t);
    const now = clock.now();
    const lines = await lockLines(tx, [...new Set(batch.map((item) => item.lineId))]);
    const jobIds = [...new Set(batch.flatMap((item) => ("jobId" in item.event ? [item.event.jobId] : [])))];
    const jobs = await lockJobs(tx, jobIds);
    t = step("lock", t);
    const lineBefore = new Map([...lines].map(([id, line]) => [id, { ...line }]));
    const jobBefore = new Map([...jobs].map(([id, job]) => [id, { ...job }]));

    const acks: EventAck[] = [];
    const rows: EventRow[] = [];
    const commandsDone: Array<{ id: string; lineId: string }> = [];
    const touchedJobs = new Set<string>();
    const ordersWithStatusChange = new Set<string>();
    for (const { lineId, event } of batch) {
      const line = lines.get(lineId);
      if (!line) {
        acks.push({ ok: false, seq: event.seq, error: protocolError("PERSIST_FAILED", "The line no longer exists.") });
        continue;
      }
      const job = "jobId" in event ? (jobs.get(event.jobId) ?? null) : null;
      const decision = applyLineEvent(line, job, event, { now, maxFutureSkewMs });
      if (decision.kind === "duplicate") {
        acks.push({ ok: true, seq: event.seq, duplicate: true });
        continue;
      }
      if (decision.kind === "refused") {
        acks.push({ ok: false, seq: event.seq, error: decision.error });
        continue;
      }
      lines.set(lineId, { ...decision.line, manufacturerId: line.manufacturerId });
      if (decision.job && job) {
        jobs.set(job.id, { ...job, ...decision.job });
        touchedJobs.add(job.id);
        if (decision.jobStatusChanged && job.orderId) ordersWithStatusChange.add(job.orderId);
      }
      const { seq, at, type, correlationId, ...details } = event;
      rows.push({ lineId, seq, agentAt: new Date(at), type, jobId: "jobId" in event ? event.jobId : null, payload: JSON.stringify({ ...details, ...(correlationId ? { correlationId } : {}) }) });
      if (correlationId) commandsDone.push({ id: correlationId, lineId });
      acks.push({ ok: true, seq, duplicate: false });
    }
    if (rows.length === 0) return { acks, outboxIds: [] };
    t = step("decide", t);

    const changedLines = [...lines.values()].filter((line) => line.lastSeq !== lineBefore.get(line.id)?.lastSeq);
    const changedJobs = [...touchedJobs].map((id) => jobs.get(id)!).filter((job) => JSON.stringify(job) !== JSON.stringify(jobBefore.get(job.id)));
    const outbox: OutboxEventInput[] = changedLines.map((line) =>
      lineUpdated(line, { status: line.status, statusReason: line.statusReason, lastSeq: line.lastSeq, lastEventAt: line.lastEventAt?.toISOString() ?? null, lastSeenAt: now.toISOString(), online: true }),
    );
    for (const job of changedJobs) {
      outbox.push(jobUpdated({ id: job.lineId!, manufacturerId: job.manufacturerId }, {
        jobId: job.id, lineId: job.lineId!, code: job.code, status: job.status, interrupted: job.interruptedAt !== null,
        progress: job.progress, goodCount: job.goodCount, scrapCount: job.scrapCount, orderId: job.orderId,
      }));
    }
    const orderIds = [...new Set(changedJobs.flatMap((job) => (job.orderId ? [job.orderId] : [])))];
    outbox.push(...(await updateOrders(tx, orderIds, ordersWithStatusChange, jobs, now)));
    outbox.push(...(await completeCommands(tx, commandsDone, lines, now)));
    t = step("orders", t);
    const outboxIds = await writeBatch(tx, { rows, lines: changedLines, jobs: changedJobs, outbox }, now);
    t = step("write", t);
    return { acks, outboxIds };
    // A large batch on a busy embedded database can take seconds; failing it would only make
    // every agent of the batch resend it.
  }, { maxWait: 30_000, timeout: 30_000 }).finally(() => step("commit", t));
}

type EventRow = { lineId: string; seq: number; agentAt: Date; type: string; jobId: string | null; payload: string };

const iso = (date: Date | null) => date?.toISOString() ?? null;

/**
 * Everything the batch writes, in one statement (one round trip): the events, the lines' and
 * jobs' new state and the outbox rows, as data-modifying CTEs over arrays — the statement and its
 * parameter count stay the same for 1 event or 2,000. `ON CONFLICT DO NOTHING` on (lineId, seq):
 * a seq already stored is exactly the duplicate the decision step acks anyway.
 */
async function writeBatch(tx: Tx, batch: { rows: EventRow[]; lines: LineRow[]; jobs: JobRow[]; outbox: OutboxEventInput[] }, now: Date): Promise<bigint[]> {
  const { rows, lines, jobs, outbox } = batch;
  const written = await tx.$queryRaw<Array<{ id: bigint }>>`
    WITH events AS (
      INSERT INTO "LineEvent" ("id", "lineId", "seq", "agentAt", "receivedAt", "type", "jobId", "payload")
      SELECT e.id, e.line, e.seq, e.at, ${now}::timestamp(3), e.type, e.job, e.payload::jsonb
      FROM unnest(${uuidsV7(rows.length, now.getTime())}::text[], ${rows.map((row) => row.lineId)}::text[], ${rows.map((row) => row.seq)}::int[],
                  ${rows.map((row) => row.agentAt.toISOString())}::timestamp(3)[], ${rows.map((row) => row.type)}::text[], ${rows.map((row) => row.jobId)}::text[],
                  ${rows.map((row) => row.payload)}::text[]) AS e(id, line, seq, at, type, job, payload)
      ON CONFLICT ("lineId", "seq") DO NOTHING
    ), lines AS (
      UPDATE "Line" AS l SET "lastSeq" = v.seq, "status" = v.status::"LineStatus", "statusReason" = v.reason, "lastEventAt" = v.at,
        "currentFamily" = v.family, "lastSeenAt" = ${now}::timestamp(3), "updatedAt" = ${now}::timestamp(3)
      FROM unnest(${lines.map((line) => line.id)}::text[], ${lines.map((line) => line.lastSeq)}::int[], ${lines.map((line) => line.status)}::text[],
                  ${lines.map((line) => line.statusReason)}::text[], ${lines.map((line) => iso(line.lastEventAt))}::timestamp(3)[],
                  ${lines.map((line) => line.currentFamily)}::text[]) AS v(id, seq, status, reason, at, family)
      WHERE l."id" = v.id
    ), jobs AS (
      UPDATE "ProductionJob" AS j SET "status" = v.status::"JobStatus", "progress" = v.progress, "goodCount" = v.good, "scrapCount" = v.scrap,
        "startedAt" = v.started, "completedAt" = v.completed, "interruptedAt" = v.interrupted, "interruptCause" = v.cause, "failReason" = v.fail,
        "version" = j."version" + 1, "updatedAt" = ${now}::timestamp(3)
      FROM unnest(${jobs.map((job) => job.id)}::text[], ${jobs.map((job) => job.status)}::text[], ${jobs.map((job) => job.progress)}::float8[],
                  ${jobs.map((job) => job.goodCount)}::int[], ${jobs.map((job) => job.scrapCount)}::int[], ${jobs.map((job) => iso(job.startedAt))}::timestamp(3)[],
                  ${jobs.map((job) => iso(job.completedAt))}::timestamp(3)[], ${jobs.map((job) => iso(job.interruptedAt))}::timestamp(3)[],
                  ${jobs.map((job) => job.interruptCause)}::text[], ${jobs.map((job) => job.failReason)}::text[])
           AS v(id, status, progress, good, scrap, started, completed, interrupted, cause, fail)
      WHERE j."id" = v.id
    )
    INSERT INTO "OutboxEvent" ("createdAt", "type", "rooms", "payload")
    SELECT ${now}::timestamp(3), o.type, ARRAY(SELECT jsonb_array_elements_text(o.rooms::jsonb)), o.payload::jsonb
    FROM unnest(${outbox.map((event) => event.type)}::text[], ${outbox.map((event) => JSON.stringify(event.rooms))}::text[], ${outbox.map((event) => JSON.stringify(event.payload))}::text[])
         AS o(type, rooms, payload)
    RETURNING "id"`;
  // (The job update bumps `version`, which keeps the planner's optimistic checks honest.)
  return written.map((row) => row.id);
}

async function lockLines(tx: Tx, ids: string[]): Promise<Map<string, LineRow>> {
  const rows = await tx.$queryRaw<LineRow[]>`
    SELECT "id", "manufacturerId", "lastSeq", "status"::text AS "status", "statusReason", "lastEventAt", "currentFamily"
    FROM "Line" WHERE "id" = ANY(${ids}::text[]) ORDER BY "id" FOR UPDATE`;
  return new Map(rows.map((row) => [row.id, row]));
}

async function lockJobs(tx: Tx, ids: string[]): Promise<Map<string, JobRow>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.$queryRaw<Array<Omit<JobRow, "status"> & { status: JobStatus }>>`
    SELECT j."id", j."code", j."manufacturerId", j."lineId", j."family", j."status"::text AS "status", j."interruptedAt", j."interruptCause",
           j."progress", j."goodCount", j."scrapCount", j."startedAt", j."completedAt", j."failReason", oi."orderId"
    FROM "ProductionJob" j LEFT JOIN "OrderItem" oi ON oi."id" = j."orderItemId"
    WHERE j."id" = ANY(${ids}::text[]) ORDER BY j."id" FOR UPDATE OF j`;
  return new Map(rows.map((row) => [row.id, row]));
}

/** Orders whose jobs moved: progress for the consumer, and status when a job started or ended. */
async function updateOrders(tx: Tx, orderIds: string[], statusChanged: Set<string>, batchJobs: Map<string, JobRow>, now: Date): Promise<OutboxEventInput[]> {
  if (orderIds.length === 0) return [];
  const stored = await tx.$queryRaw<Array<{ orderId: string; orderStatus: OrderStatus; manufacturerId: string; jobId: string; status: JobStatus; progress: number; minutes: number }>>`
    SELECT o."id" AS "orderId", o."status"::text AS "orderStatus", o."manufacturerId", j."id" AS "jobId", j."status"::text AS "status", j."progress", j."minutes"
    FROM "Order" o JOIN "OrderItem" oi ON oi."orderId" = o."id" JOIN "ProductionJob" j ON j."orderItemId" = oi."id"
    WHERE o."id" = ANY(${orderIds}::text[])`;
  // The batch's jobs are written after this (in one statement): their new state is in memory.
  const rows = stored.map((row) => {
    const job = batchJobs.get(row.jobId);
    return job ? { ...row, status: job.status, progress: job.progress } : row;
  });
  const events: OutboxEventInput[] = [];
  for (const orderId of orderIds) {
    const jobs = rows.filter((row) => row.orderId === orderId);
    if (jobs.length === 0) continue;
    const current = jobs[0]!.orderStatus;
    const next = statusChanged.has(orderId) ? orderStatusAfterJobChange(current, jobs.map((job) => job.status)) : current;
    if (next !== current) {
      await tx.order.update({ where: { id: orderId }, data: { status: next, version: { increment: 1 }, ...(next === "completed" ? { completedAt: now } : {}) } });
    }
    events.push(orderUpdated({ id: orderId, manufacturerId: jobs[0]!.manufacturerId }, { status: next, progress: orderProgress(jobs) }));
  }
  return events;
}

/** A stored event that carries a command's correlation id marks that command done (even one given up on as timed out: the line did it after all). */
async function completeCommands(tx: Tx, done: Array<{ id: string; lineId: string }>, lines: Map<string, LineRow>, now: Date): Promise<OutboxEventInput[]> {
  const events: OutboxEventInput[] = [];
  for (const { id, lineId } of done) {
    const { count } = await tx.lineCommand.updateMany({ where: { id, lineId, status: { in: ["sent", "accepted", "timed_out"] } }, data: { status: "done", completedAt: now } });
    if (count === 0) continue;
    const command = await tx.lineCommand.findUniqueOrThrow({ where: { id }, select: { id: true, kind: true, jobId: true, status: true, reason: true } });
    events.push(lineCommandUpdated({ id: lineId, manufacturerId: lines.get(lineId)!.manufacturerId }, command));
  }
  return events;
}
