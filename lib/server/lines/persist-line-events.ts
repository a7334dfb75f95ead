import type { EventAck } from "@/lib/core/line-protocol";
import type { JobStatus } from "@/lib/core/production/job-state";
import { clock } from "../clock";
import { db, type Tx } from "../db";
import type { OutboxRow } from "../realtime/emit-outbox-rows";
import type { OutboxEventInput } from "../realtime/outbox";
import { writeDecidedLines, type DecidedLine } from "./commit-verified-line-events";
import { decideLineBatch, jobsRelied, type IncomingEvent, type JobRow, type LineRow } from "./decide-line-batch";
import { insertOutboxRows, prismaRunner } from "./line-batch-sql";
import { lineCommandUpdated } from "./line-live-events";

export type { IncomingEvent } from "./decide-line-batch";

export type PersistedBatch = {
  /** One per event, in input order. */
  acks: EventAck[];
  /** The batch's outbox rows (already marked dispatched when asked to be). */
  outbox: OutboxRow[];
  outboxIds: bigint[];
  /** The lines and jobs the batch locked, as committed, and the lines' next jobs: what a cache of them may now hold. */
  lines: LineRow[];
  jobs: JobRow[];
};

/** AGENT_INGEST_TRACE: milliseconds spent per step of the ingestion paths. */
export const persistSteps: Record<string, number> = {};
export const step = (name: string, since: number) => {
  persistSteps[name] = (persistSteps[name] ?? 0) + performance.now() - since;
  return performance.now();
};

/**
 * Persists a batch of agent events — from many lines, each line's in arrival order — in one
 * transaction (a group commit): every event and the state changes it causes (line, job, order,
 * command, outbox) commit together or not at all. Returns one ack per event, in input order,
 * and the outbox rows to emit after commit.
 *
 * Lines and jobs are locked FOR UPDATE, so `lastSeq` is read under the same lock that guards
 * its update: exactly-once holds across processes, and the unique (lineId, seq) backs it up.
 * This is the path that reads the database's state; the ingestor's faster path decides on
 * states it remembers, and both write through the same verified statement
 * (commit-verified-line-events.ts) — here its check holds by construction: the rows are locked.
 */
export async function persistLineEvents(batch: IncomingEvent[], maxFutureSkewMs: number, options: { dispatched?: boolean } = {}): Promise<PersistedBatch> {
  let t = performance.now();
  return db.$transaction(async (tx): Promise<PersistedBatch> => {
    t = step("begin", t);
    const now = clock.now();
    const lineIds = [...new Set(batch.map((item) => item.lineId))];
    const lines = await lockLines(tx, lineIds);
    const { locked: jobs, ahead } = await lockJobs(tx, [...new Set(batch.flatMap((item) => ("jobId" in item.event ? [item.event.jobId] : [])))], lineIds);
    t = step("lock", t);

    // Each line decided on its locked rows, its events in arrival order.
    const acks: EventAck[] = new Array(batch.length);
    const byLine = new Map<string, number[]>(lineIds.map((id) => [id, []]));
    batch.forEach((item, index) => byLine.get(item.lineId)!.push(index));
    const decided: DecidedLine[] = [];
    for (const [lineId, indices] of byLine) {
      const before = lines.get(lineId);
      const decision = decideLineBatch(indices.map((index) => batch[index]!), before ? new Map([[lineId, before]]) : new Map(), jobs, { now, maxFutureSkewMs });
      indices.forEach((index, k) => (acks[index] = decision.acks[k]!));
      if (before && decision.rows.length > 0) decided.push({ before, jobsBefore: jobsRelied(decision, jobs), decision });
    }
    const cacheable = { lines: [...lines.values()], jobs: [...ahead, ...jobs.values()] };
    if (decided.length === 0) return { acks, outbox: [], outboxIds: [], ...cacheable };
    t = step("decide", t);

    const written = await writeDecidedLines(prismaRunner(tx), decided, now, options.dispatched ?? false);
    // The rows are locked: every line's check holds.
    if (written.committed.size !== decided.length) throw new Error("a locked line's state changed under its lock");
    const commands = await completeCommands(tx, decided, now);
    const outbox = [...written.outbox, ...(await insertOutboxRows(prismaRunner(tx), commands, now, options.dispatched ?? false))];
    t = step("write", t);
    // The states after the batch come last, so a cache keeps those.
    const after = decided.map((line) => ({ line: line.decision.lines.get(line.before.id)!, jobs: line.decision.changedJobs }));
    return {
      acks, outbox, outboxIds: outbox.map((row) => row.id),
      lines: [...cacheable.lines, ...after.map((line) => line.line)],
      jobs: [...cacheable.jobs, ...after.flatMap((line) => line.jobs)],
    };
    // A large batch on a busy embedded database can take seconds; failing it would only make
    // every agent of the batch resend it.
  }, { maxWait: 30_000, timeout: 30_000 }).finally(() => step("commit", t));
}

async function lockLines(tx: Tx, ids: string[]): Promise<Map<string, LineRow>> {
  const rows = await tx.$queryRaw<LineRow[]>`
    SELECT "id", "manufacturerId", "lastSeq", "status"::text AS "status", "statusReason", "lastEventAt", "currentFamily"
    FROM "Line" WHERE "id" = ANY(${ids}::text[]) ORDER BY "id" FOR UPDATE`;
  return new Map(rows.map((row) => [row.id, row]));
}

/** How many of a line's next jobs the locked path reads for the cache, besides those it locks. */
const JOBS_AHEAD = 20;

/**
 * Locks the jobs the batch's events name, and reads (without locking) the next jobs queued on
 * the batch's lines: the ingestor's cache then knows a line's next job before its agent starts
 * it, so starting a job does not send the line through this path again. Those rows are only a
 * guess for the cache (verified before any use); decisions here use the locked rows alone.
 */
async function lockJobs(tx: Tx, ids: string[], lineIds: string[]): Promise<{ locked: Map<string, JobRow>; ahead: JobRow[] }> {
  if (ids.length === 0) return { locked: new Map(), ahead: [] };
  const rows = await tx.$queryRaw<Array<Omit<JobRow, "status"> & { status: JobStatus; locked: boolean }>>`
    WITH locked AS MATERIALIZED (
      SELECT j."id", j."code", j."manufacturerId", j."lineId", j."family", j."status"::text AS "status", j."interruptedAt", j."interruptCause",
             j."progress", j."goodCount", j."scrapCount", j."startedAt", j."completedAt", j."failReason", oi."orderId"
      FROM "ProductionJob" j LEFT JOIN "OrderItem" oi ON oi."id" = j."orderItemId"
      WHERE j."id" = ANY(${ids}::text[]) ORDER BY j."id" FOR UPDATE OF j
    )
    SELECT *, true AS "locked" FROM locked
    UNION ALL
    SELECT ahead.*, false FROM unnest(${lineIds}::text[]) AS line(id) CROSS JOIN LATERAL (
      SELECT j."id", j."code", j."manufacturerId", j."lineId", j."family", j."status"::text AS "status", j."interruptedAt", j."interruptCause",
             j."progress", j."goodCount", j."scrapCount", j."startedAt", j."completedAt", j."failReason", oi."orderId"
      FROM "ProductionJob" j LEFT JOIN "OrderItem" oi ON oi."id" = j."orderItemId"
      WHERE j."lineId" = line.id AND j."status" IN ('queued', 'running') AND NOT (j."id" = ANY(${ids}::text[]))
      ORDER BY j."start" NULLS LAST LIMIT ${JOBS_AHEAD}
    ) AS ahead`;
  const locked = new Map<string, JobRow>();
  const ahead: JobRow[] = [];
  for (const { locked: isLocked, ...job } of rows) {
    if (isLocked) locked.set(job.id, job);
    else ahead.push(job);
  }
  return { locked, ahead };
}

/**
 * A line's state and its next jobs as stored, read without locks: what the ingestor's cache
 * starts from when an agent is born, so its first events need not take the locked path. Only a
 * guess, like everything the cache holds: commits verify it.
 */
export async function readLineForCache(lineId: string): Promise<{ lines: LineRow[]; jobs: JobRow[] }> {
  const lines = await db.$queryRaw<LineRow[]>`
    SELECT "id", "manufacturerId", "lastSeq", "status"::text AS "status", "statusReason", "lastEventAt", "currentFamily" FROM "Line" WHERE "id" = ${lineId}`;
  const jobs = await db.$queryRaw<Array<Omit<JobRow, "status"> & { status: JobStatus }>>`
    SELECT j."id", j."code", j."manufacturerId", j."lineId", j."family", j."status"::text AS "status", j."interruptedAt", j."interruptCause",
           j."progress", j."goodCount", j."scrapCount", j."startedAt", j."completedAt", j."failReason", oi."orderId"
    FROM "ProductionJob" j LEFT JOIN "OrderItem" oi ON oi."id" = j."orderItemId"
    WHERE j."lineId" = ${lineId} AND j."status" IN ('queued', 'running')
    ORDER BY j."start" NULLS LAST LIMIT ${JOBS_AHEAD}`;
  return { lines, jobs };
}

/** A stored event that carries a command's correlation id marks that command done (even one given up on as timed out: the line did it after all). */
async function completeCommands(tx: Tx, lines: DecidedLine[], now: Date): Promise<OutboxEventInput[]> {
  const events: OutboxEventInput[] = [];
  for (const { before: line, decision } of lines) {
    for (const { id, lineId } of decision.commandsDone) {
      const { count } = await tx.lineCommand.updateMany({ where: { id, lineId, status: { in: ["sent", "accepted", "timed_out"] } }, data: { status: "done", completedAt: now } });
      if (count === 0) continue;
      const command = await tx.lineCommand.findUniqueOrThrow({ where: { id }, select: { id: true, kind: true, jobId: true, status: true, reason: true } });
      events.push(lineCommandUpdated({ id: lineId, manufacturerId: line.manufacturerId }, command));
    }
  }
  return events;
}
