import { deriveOrderStatus, type JobStatus, type OrderStatus } from "@/lib/core/orders/order-status";
import type { Tx } from "../db";
import { epochMs } from "../db/sql";
import { uuidV7 } from "../db/uuid-v7";
import { AppError } from "../errors";

const STATUS_MESSAGES: Record<OrderStatus, string> = {
  placed: "Order placed",
  parts_confirmed: "All parts confirmed by the suppliers",
  scheduled: "Scheduled on the factory's lines",
  in_production: "In production",
  completed: "Production completed",
  shipped: "Shipped",
  cancelled: "Order cancelled",
};

export function orderRooms(order: { id: string; manufacturerId: string }): string[] {
  return [`order:${order.id}`, `manufacturer:${order.manufacturerId}`];
}

/**
 * Brings an order in line with its facts after any of them changed (inside the caller's
 * transaction): when every part is confirmed, the jobs waiting for parts become ready with the
 * latest promised part date as their release; the order's status is derived again, and a
 * change is recorded on its timeline and announced to its rooms.
 */
export async function refreshOrderProgress(tx: Tx, orderId: string, now: Date): Promise<{ status: OrderStatus; changed: boolean }> {
  const [row] = await tx.$queryRawUnsafe<Array<{ order: OrderFacts | null }>>(`SELECT ${orderFactsJson("$1")} AS "order"`, orderId);
  if (!row?.order) throw new AppError("ORDER_NOT_FOUND", "Not found.", { status: 404 });
  return applyOrderProgress(tx, row.order, now);
}

/**
 * The same, on facts the caller read already (with its own change applied to them): at most
 * one statement, none when nothing moves.
 */
export async function applyOrderProgress(tx: Tx, order: OrderFacts, now: Date): Promise<{ status: OrderStatus; changed: boolean }> {
  const jobs = order.jobs.map((job) => ({ ...job }));
  const partsConfirmed = order.partsRequests.every((request) => request.status !== "requested" && !request.flagged);

  // Received parts are here now; confirmed ones arrive on their promised date.
  let release: number | null = null;
  const releasing: string[] = [];
  if (partsConfirmed && !order.cancelled) {
    const promised = order.partsRequests.filter((request) => request.status === "confirmed" && request.promisedAt !== null).map((request) => request.promisedAt!);
    release = Math.max(order.placedAt, ...promised);
    for (const job of jobs) {
      if (job.status === "waiting_parts" || ((job.status === "ready" || job.status === "scheduled") && job.releaseAt !== release)) {
        releasing.push(job.id);
        if (job.status === "waiting_parts") job.status = "ready";
      }
    }
  }

  const status = deriveOrderStatus({
    cancelled: order.cancelled,
    shipped: order.shipped,
    partsConfirmed,
    jobStatuses: jobs.map((job) => job.status),
  });
  const changed = status !== order.status;
  if (!changed && releasing.length === 0) return { status, changed };
  const at = now.toISOString();
  // One statement: jobs released (waiting ones become ready), and a status change with its
  // timeline entry and event. The parts are what every supplier answer changes, so this runs
  // for most of them.
  await tx.$queryRawUnsafe(
    `WITH released AS (
       UPDATE "ProductionJob" SET "status" = CASE WHEN "status" = 'waiting_parts' THEN 'ready'::"JobStatus" ELSE "status" END,
         "release" = $2::timestamp(3), "version" = "version" + 1, "updatedAt" = $3::timestamp(3)
       WHERE "id" = ANY($1::text[])),
     ordered AS (
       UPDATE "Order" SET "status" = $5::text::"OrderStatus", "version" = "version" + 1,
         "completedAt" = CASE WHEN $5::text = 'completed' THEN $3::timestamp(3) ELSE "completedAt" END
       WHERE "id" = $4::text AND $6::boolean),
     timeline AS (
       INSERT INTO "OrderEvent" ("id", "orderId", "at", "kind", "message") SELECT $7::text, $4::text, $3::timestamp(3), $5::text, $8::text WHERE $6::boolean),
     announced AS (
       INSERT INTO "OutboxEvent" ("createdAt", "type", "rooms", "payload") SELECT $3::timestamp(3), 'order.updated', $9::text[], $10::text::jsonb WHERE $6::boolean)
     SELECT 1`,
    releasing,
    release === null ? null : new Date(release).toISOString(),
    at,
    order.id,
    status,
    changed,
    uuidV7(now.getTime()),
    STATUS_MESSAGES[status],
    orderRooms(order),
    JSON.stringify({ orderId: order.id, status }),
  );
  return { status, changed };
}

/**
 * An order's facts: its status, whether it is cancelled or shipped, its parts requests and jobs
 * (times as epoch ms). Read with the row a use case reads anyway (one query per supplier answer,
 * where four had been most of its cost).
 */
export type OrderFacts = {
  id: string;
  status: OrderStatus;
  manufacturerId: string;
  cancelled: boolean;
  shipped: boolean;
  placedAt: number;
  partsRequests: Array<{ id: string; status: string; flagged: boolean; promisedAt: number | null }>;
  jobs: Array<{ id: string; status: JobStatus; releaseAt: number }>;
};

/** SQL for the facts of the order whose id is `orderId` (an expression) as JSON, or null. */
export function orderFactsJson(orderId: string): string {
  return `(SELECT json_build_object(
      'id', o."id", 'status', o."status"::text, 'manufacturerId', o."manufacturerId",
      'cancelled', o."cancelledAt" IS NOT NULL, 'shipped', o."shippedAt" IS NOT NULL,
      'placedAt', ${epochMs('o."placedAt"')},
      'partsRequests', COALESCE((SELECT json_agg(json_build_object('id', r."id", 'status', r."status"::text, 'flagged', r."flagged", 'promisedAt', ${epochMs('r."promisedDate"')}))
                                 FROM "PartsRequest" r WHERE r."orderId" = o."id"), '[]'::json),
      'jobs', COALESCE((SELECT json_agg(json_build_object('id', j."id", 'status', j."status"::text, 'releaseAt', ${epochMs('j."release"')}))
                        FROM "ProductionJob" j JOIN "OrderItem" i ON i."id" = j."orderItemId" WHERE i."orderId" = o."id"), '[]'::json))
    FROM "Order" o WHERE o."id" = ${orderId})`;
}
