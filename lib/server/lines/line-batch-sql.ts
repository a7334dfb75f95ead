import type pg from "pg";
import type { Prisma } from "@/generated/prisma/client";
import type { OrderStatus } from "@/lib/core/orders/order-status";
import { db, postgresPool, type Tx } from "../db";
import { pgTransaction } from "../db/sql";
import type { OutboxRow } from "../realtime/emit-outbox-rows";
import type { OutboxEventInput } from "../realtime/outbox";

/**
 * The ingestion paths' SQL, written once and run two ways: straight on a pg connection when on
 * PostgreSQL — as a prepared statement when named, and without Prisma's parameter handling
 * (which serializes every parameter to JSON and parses it back: for a batch's parameters that
 * was as much work as the rest of the flush) — or through Prisma (inside its transactions, and
 * on PGlite, whose one connection Prisma's adapter owns).
 */
export type Statement = { name?: string; text: string; values: unknown[] };
export type SqlRunner = { rows<T>(statement: Statement): Promise<T[]> };

/** `sql\`… ${value} …\``: the text with $1…$n placeholders, and the values. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Statement {
  return { text: strings.reduce((text, part, index) => `${text}$${index}${part}`), values };
}

export function prismaRunner(client: Pick<Tx, "$queryRawUnsafe">): SqlRunner {
  return { rows: <T>(statement: Statement) => client.$queryRawUnsafe<T[]>(statement.text, ...statement.values) };
}

function pgRunner(client: pg.Pool | pg.PoolClient): SqlRunner {
  return { rows: async <T>(statement: Statement) => (await client.query({ name: statement.name, text: statement.text, values: statement.values })).rows as T[] };
}

/** Statements that commit on their own (no transaction around them). */
export function autocommit(): SqlRunner {
  const pool = postgresPool();
  return pool ? pgRunner(pool) : prismaRunner(db);
}

/** A transaction: BEGIN and COMMIT on one pooled connection on PostgreSQL, Prisma's elsewhere. */
export async function inTransaction<T>(work: (runner: SqlRunner) => Promise<T>): Promise<T> {
  const pool = postgresPool();
  if (!pool) return db.$transaction((tx) => work(prismaRunner(tx)), { maxWait: 30_000, timeout: 30_000 });
  return pgTransaction(pool, (client) => work(pgRunner(client)));
}

/** Orders a line moved into production or to completion (rare: a job started or ended). */
export async function updateOrderStatuses(runner: SqlRunner, updates: Array<{ id: string; status: OrderStatus }>, now: Date): Promise<void> {
  if (updates.length === 0) return;
  await runner.rows(sql`
    UPDATE "Order" AS o SET "status" = v.status::"OrderStatus", "version" = o."version" + 1,
      "completedAt" = CASE WHEN v.status = 'completed' THEN ${now.toISOString()}::timestamp(3) ELSE o."completedAt" END
    FROM json_to_recordset(${JSON.stringify(updates)}::json) AS v(id text, status text)
    WHERE o."id" = v.id`);
}

/**
 * Outbox rows in one statement, in the given order (ids follow insertion order). `dispatched`:
 * marked dispatched already, for the caller to emit right after commit (see
 * line-event-ingestor.ts); otherwise the outbox dispatcher's, as usual.
 */
export async function insertOutboxRows(runner: SqlRunner, events: OutboxEventInput[], now: Date, dispatched: boolean): Promise<OutboxRow[]> {
  if (events.length === 0) return [];
  const written = await runner.rows<{ id: bigint | string }>(sql`
    INSERT INTO "OutboxEvent" ("createdAt", "type", "rooms", "payload", "dispatchedAt")
    SELECT ${now.toISOString()}::timestamp(3), o.type, o.rooms, o.payload, ${dispatched ? now.toISOString() : null}::timestamp(3)
    FROM json_to_recordset(${JSON.stringify(events.map((event, n) => ({ ...event, n })))}::json) AS o(n int, type text, rooms text[], payload jsonb)
    ORDER BY o.n
    RETURNING "id"`);
  return outboxRows(events, written.map((row) => row.id), now);
}

/** Inserted events with their ids (assigned in insertion order: the sorted ids match the events in order). */
export function outboxRows(events: OutboxEventInput[], ids: Array<bigint | string>, now: Date): OutboxRow[] {
  const sorted = ids.map((id) => BigInt(id)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted.map((id, index) => ({ id, type: events[index]!.type, rooms: events[index]!.rooms, payload: events[index]!.payload as Prisma.JsonValue, createdAt: now }));
}
