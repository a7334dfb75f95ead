import type { Prisma } from "@/generated/prisma/client";
import type { OrderStatus } from "@/lib/core/orders/order-status";
import type { Tx } from "../db";
import type { OutboxRow } from "../realtime/emit-outbox-rows";
import type { OutboxEventInput } from "../realtime/outbox";
import type { OrderJobRow } from "./line-batch-effects";

/** A client that runs raw SQL: the database, or a transaction. */
export type SqlClient = Pick<Tx, "$queryRaw" | "$executeRaw">;

/** The orders' jobs as stored, for their progress and status. */
export async function selectOrderJobs(client: SqlClient, orderIds: string[]): Promise<OrderJobRow[]> {
  if (orderIds.length === 0) return [];
  return client.$queryRaw<OrderJobRow[]>`
    SELECT o."id" AS "orderId", o."status"::text AS "orderStatus", o."manufacturerId", j."id" AS "jobId", j."status"::text AS "status", j."progress", j."minutes"
    FROM "Order" o JOIN "OrderItem" oi ON oi."orderId" = o."id" JOIN "ProductionJob" j ON j."orderItemId" = oi."id"
    WHERE o."id" = ANY(${orderIds}::text[])`;
}

/** Orders a line moved into production or to completion (rare: a job started or ended). */
export async function updateOrderStatuses(client: SqlClient, updates: Array<{ id: string; status: OrderStatus }>, now: Date): Promise<void> {
  if (updates.length === 0) return;
  await client.$executeRaw`
    UPDATE "Order" AS o SET "status" = v.status::"OrderStatus", "version" = o."version" + 1,
      "completedAt" = CASE WHEN v.status = 'completed' THEN ${now}::timestamp(3) ELSE o."completedAt" END
    FROM unnest(${updates.map((update) => update.id)}::text[], ${updates.map((update) => update.status)}::text[]) AS v(id, status)
    WHERE o."id" = v.id`;
}

/**
 * Outbox rows in one statement, in the given order (ids follow insertion order). `dispatched`:
 * marked dispatched already, for the caller to emit right after commit (see
 * line-event-ingestor.ts); otherwise the outbox dispatcher's, as usual.
 */
export async function insertOutboxRows(client: SqlClient, events: OutboxEventInput[], now: Date, dispatched: boolean): Promise<OutboxRow[]> {
  if (events.length === 0) return [];
  const written = await client.$queryRaw<Array<{ id: bigint }>>`
    INSERT INTO "OutboxEvent" ("createdAt", "type", "rooms", "payload", "dispatchedAt")
    SELECT ${now}::timestamp(3), o.type, o.rooms, o.payload, ${dispatched ? now : null}::timestamp(3)
    FROM json_to_recordset(${JSON.stringify(events.map((event, n) => ({ ...event, n })))}::json) AS o(n int, type text, rooms text[], payload jsonb)
    ORDER BY o.n
    RETURNING "id"`;
  return outboxRows(events, written.map((row) => row.id), now);
}

/** Inserted events with their ids (assigned in insertion order: the sorted ids match the events in order). */
export function outboxRows(events: OutboxEventInput[], ids: bigint[], now: Date): OutboxRow[] {
  const sorted = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted.map((id, index) => ({ id, type: events[index]!.type, rooms: events[index]!.rooms, payload: events[index]!.payload as Prisma.JsonValue, createdAt: now }));
}
