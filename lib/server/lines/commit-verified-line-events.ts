import type { OutboxRow } from "../realtime/emit-outbox-rows";
import { decideLineBatch, jobsRelied, type BatchDecision, type IncomingEvent, type JobRow, type LineRow } from "./decide-line-batch";
import { lineAndJobEvents, orderEffects, ordersOf, type OrderJobRow } from "./line-batch-effects";
import { autocommit, inTransaction, insertOutboxRows, outboxRows, sql, updateOrderStatuses, type SqlRunner } from "./line-batch-sql";
import type { LineStateCache } from "./line-state-cache";
import { uuidsV7 } from "../db/uuid-v7";

/** One line's events, decided on the line's and its jobs' states `before`; committed only if those still hold. */
export type DecidedLine = { before: LineRow; jobsBefore: JobRow[]; decision: BatchDecision };

export type VerifiedCommit = {
  /** The lines whose state before held: their events and state changes are committed. */
  committed: Set<string>;
  outbox: OutboxRow[];
};

/**
 * One line's events decided on the cache's states, or null when the locked path must decide:
 * the line or a job an event names is not remembered, an event is refused (a refusal is final
 * for the agent, so it is made on the stored state only), or an event completes a command.
 */
export function decideOnRemembered(items: readonly IncomingEvent[], cache: LineStateCache, context: { now: Date; maxFutureSkewMs: number }): DecidedLine | null {
  const before = cache.line(items[0]!.lineId);
  if (!before) return null;
  const jobsBefore = new Map<string, JobRow>();
  for (const { event } of items) {
    if (!("jobId" in event) || event.seq <= before.lastSeq || jobsBefore.has(event.jobId)) continue;
    const job = cache.job(event.jobId);
    if (!job) return null;
    jobsBefore.set(job.id, job);
  }
  const decision = decideLineBatch(items, new Map([[before.id, before]]), jobsBefore, context);
  if (decision.refused || decision.commandsDone.length > 0) return null;
  return { before, jobsBefore: jobsRelied(decision, jobsBefore), decision };
}

/**
 * Commits lines' events decided on remembered states. Without orders involved it is ONE
 * statement (a round trip, and no transaction to begin and end); with orders, a transaction of
 * two (see writeDecidedLines).
 */
export async function commitVerifiedLineEvents(lines: DecidedLine[], now: Date, dispatched: boolean): Promise<VerifiedCommit> {
  if (ordersOf(lines.flatMap((line) => line.decision.changedJobs)).length === 0) {
    const written = await verifiedWrite(autocommit(), lines, [], now, dispatched);
    return { committed: written.committed, outbox: written.outbox };
  }
  return inTransaction((runner) => writeDecidedLines(runner, lines, now, dispatched));
}

/**
 * Writes decided lines inside a transaction: the verified statement, then the orders' progress
 * and status. An order's progress needs its other jobs: the statement returns them as stored,
 * and the batch's own jobs count in their new state.
 */
export async function writeDecidedLines(runner: SqlRunner, lines: DecidedLine[], now: Date, dispatched: boolean): Promise<VerifiedCommit> {
  const orderIds = ordersOf(lines.flatMap((line) => line.decision.changedJobs));
  const written = await verifiedWrite(runner, lines, orderIds, now, dispatched);
  if (orderIds.length === 0) return { committed: written.committed, outbox: written.outbox };
  const committed = lines.filter((line) => written.committed.has(line.before.id));
  const jobs = new Map(committed.flatMap((line) => line.decision.changedJobs.map((job) => [job.id, job] as const)));
  const statusChanged = new Set(committed.flatMap((line) => [...line.decision.ordersWithStatusChange]));
  const orders = orderEffects(written.orderJobs, ordersOf([...jobs.values()]), statusChanged, jobs);
  await updateOrderStatuses(runner, orders.statusUpdates, now);
  const orderOutbox = await insertOutboxRows(runner, orders.outbox, now, dispatched);
  return { committed: written.committed, outbox: [...written.outbox, ...orderOutbox] };
}

const json = (value: unknown) => JSON.stringify(value);
const iso = (date: Date | null) => date?.toISOString() ?? null;

/**
 * The statement: it locks the lines and jobs the decisions relied on, keeps only the lines
 * whose every row still holds exactly the values decided on (checked under the lock, so nothing
 * changes them before commit), and for those inserts the events and outbox rows and writes the
 * new line and job states. That is what reading the rows FOR UPDATE and then writing does — the
 * same decision on the same state, committed atomically — without the reads' round trips. A
 * line whose state moved (another writer, another process) is left out whole, for the caller to
 * take through the locked path.
 *
 * The batch travels as JSON (one parameter per table: its text is the same for 1 event or
 * 2,000), and on PostgreSQL the statement is prepared once per connection (named), so the
 * server neither parses nor plans it again.
 */
async function verifiedWrite(runner: SqlRunner, lines: DecidedLine[], orderIds: string[], now: Date, dispatched: boolean): Promise<VerifiedCommit & { orderJobs: OrderJobRow[] }> {
  const lineIn = lines.map(({ before, decision }) => {
    const after = decision.lines.get(before.id)!;
    return {
      id: before.id, was_seq: before.lastSeq, was_status: before.status, was_reason: before.statusReason, was_at: iso(before.lastEventAt), was_family: before.currentFamily,
      seq: after.lastSeq, status: after.status, reason: after.statusReason, at: iso(after.lastEventAt), family: after.currentFamily,
    };
  });
  // Every job an event relied on is verified; those that changed are written.
  const jobIn = lines.flatMap(({ before: line, jobsBefore, decision }) =>
    jobsBefore.map((before) => {
      const after = decision.jobs.get(before.id)!;
      return {
        id: before.id, batch_line: line.id, changed: decision.changedJobs.some((job) => job.id === before.id),
        was_line: before.lineId, was_family: before.family, was_status: before.status, was_progress: before.progress, was_good: before.goodCount, was_scrap: before.scrapCount,
        was_started: iso(before.startedAt), was_completed: iso(before.completedAt), was_interrupted: iso(before.interruptedAt), was_cause: before.interruptCause, was_fail: before.failReason,
        status: after.status, progress: after.progress, good: after.goodCount, scrap: after.scrapCount, started: iso(after.startedAt), completed: iso(after.completedAt),
        interrupted: iso(after.interruptedAt), cause: after.interruptCause, fail: after.failReason,
      };
    }),
  );
  const rows = lines.flatMap((line) => line.decision.rows);
  const ids = uuidsV7(rows.length, now.getTime());
  const events = rows.map((row, index) => ({ id: ids[index], line: row.lineId, seq: row.seq, at: row.agentAt.toISOString(), type: row.type, job: row.jobId, payload: row.payload }));
  const outbox = lines.flatMap((line) => lineAndJobEvents(line.decision, now));
  const at = now.toISOString();
  const [result] = await runner.rows<{ lines: string[]; outbox: Array<bigint | string>; orderJobs: OrderJobRow[] | null }>({ name: "line_events_verified", ...sql`
    WITH line_in AS MATERIALIZED (
      SELECT * FROM json_to_recordset(${json(lineIn)}::json)
        AS v(id text, was_seq int, was_status text, was_reason text, was_at timestamp(3), was_family text, seq int, status text, reason text, at timestamp(3), family text)
    ), job_in AS MATERIALIZED (
      SELECT * FROM json_to_recordset(${json(jobIn)}::json)
        AS v(id text, batch_line text, changed boolean, was_line text, was_family text, was_status text, was_progress float8, was_good int, was_scrap int,
             was_started timestamp(3), was_completed timestamp(3), was_interrupted timestamp(3), was_cause text, was_fail text,
             status text, progress float8, good int, scrap int, started timestamp(3), completed timestamp(3), interrupted timestamp(3), cause text, fail text)
    ), locked_lines AS MATERIALIZED (
      SELECT l."id" FROM "Line" AS l JOIN line_in AS v ON v.id = l."id"
      WHERE l."id" = ANY(${lineIn.map((line) => line.id)}::text[]) AND l."lastSeq" = v.was_seq AND l."status"::text = v.was_status
        AND l."statusReason" IS NOT DISTINCT FROM v.was_reason AND l."lastEventAt" IS NOT DISTINCT FROM v.was_at AND l."currentFamily" IS NOT DISTINCT FROM v.was_family
      ORDER BY l."id" FOR UPDATE OF l
    ), locked_jobs AS MATERIALIZED (
      SELECT j."id" FROM "ProductionJob" AS j JOIN job_in AS v ON v.id = j."id"
      WHERE j."id" = ANY(${jobIn.map((job) => job.id)}::text[]) AND j."lineId" IS NOT DISTINCT FROM v.was_line AND j."family" = v.was_family
        AND j."status"::text = v.was_status AND j."progress" = v.was_progress AND j."goodCount" = v.was_good AND j."scrapCount" = v.was_scrap
        AND j."startedAt" IS NOT DISTINCT FROM v.was_started AND j."completedAt" IS NOT DISTINCT FROM v.was_completed
        AND j."interruptedAt" IS NOT DISTINCT FROM v.was_interrupted AND j."interruptCause" IS NOT DISTINCT FROM v.was_cause
        AND j."failReason" IS NOT DISTINCT FROM v.was_fail
      ORDER BY j."id" FOR UPDATE OF j
    ), verified AS MATERIALIZED (
      SELECT ll.id FROM locked_lines AS ll
      WHERE NOT EXISTS (SELECT 1 FROM job_in AS v WHERE v.batch_line = ll.id AND v.id NOT IN (SELECT id FROM locked_jobs))
    ), events AS (
      INSERT INTO "LineEvent" ("id", "lineId", "seq", "agentAt", "receivedAt", "type", "jobId", "payload")
      SELECT e.id, e.line, e.seq, e.at, ${at}::timestamp(3), e.type, e.job, e.payload
      FROM json_to_recordset(${json(events)}::json) AS e(id text, line text, seq int, at timestamp(3), type text, job text, payload jsonb)
      WHERE e.line IN (SELECT id FROM verified)
      ON CONFLICT ("lineId", "seq") DO NOTHING
    ), line_writes AS (
      UPDATE "Line" AS l SET "lastSeq" = v.seq, "status" = v.status::"LineStatus", "statusReason" = v.reason, "lastEventAt" = v.at,
        "currentFamily" = v.family, "lastSeenAt" = ${at}::timestamp(3), "updatedAt" = ${at}::timestamp(3)
      FROM line_in AS v WHERE l."id" = v.id AND l."id" IN (SELECT id FROM verified)
    ), job_writes AS (
      UPDATE "ProductionJob" AS j SET "status" = v.status::"JobStatus", "progress" = v.progress, "goodCount" = v.good, "scrapCount" = v.scrap,
        "startedAt" = v.started, "completedAt" = v.completed, "interruptedAt" = v.interrupted, "interruptCause" = v.cause, "failReason" = v.fail,
        "version" = j."version" + 1, "updatedAt" = ${at}::timestamp(3)
      FROM job_in AS v
      WHERE j."id" = v.id AND j."id" = ANY(${jobIn.filter((job) => job.changed).map((job) => job.id)}::text[]) AND v.changed AND v.batch_line IN (SELECT id FROM verified)
    ), outbox AS (
      INSERT INTO "OutboxEvent" ("createdAt", "type", "rooms", "payload", "dispatchedAt")
      SELECT ${at}::timestamp(3), o.type, o.rooms, o.payload, ${dispatched ? at : null}::timestamp(3)
      FROM json_to_recordset(${json(outbox.map((event, n) => ({ ...event, n })))}::json) AS o(n int, "lineId" text, type text, rooms text[], payload jsonb)
      WHERE o."lineId" IN (SELECT id FROM verified)
      ORDER BY o.n
      RETURNING "id"
    )
    SELECT ARRAY(SELECT id FROM verified) AS "lines", ARRAY(SELECT id FROM outbox) AS "outbox",
      (SELECT json_agg(json_build_object('orderId', o."id", 'orderStatus', o."status", 'manufacturerId', o."manufacturerId", 'jobId', j."id", 'status', j."status", 'progress', j."progress", 'minutes', j."minutes"))
       FROM "Order" AS o JOIN "OrderItem" AS oi ON oi."orderId" = o."id" JOIN "ProductionJob" AS j ON j."orderItemId" = oi."id"
       WHERE o."id" = ANY(${orderIds}::text[])) AS "orderJobs"` });
  const committed = new Set(result!.lines);
  const written = outbox.filter((event) => committed.has(event.lineId)).map(({ lineId: _lineId, ...event }) => event);
  return { committed, outbox: outboxRows(written, result!.outbox, now), orderJobs: result!.orderJobs ?? [] };
}
