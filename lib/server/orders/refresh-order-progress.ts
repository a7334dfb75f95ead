import { deriveOrderStatus, type JobStatus, type OrderStatus } from "@/lib/core/orders/order-status";
import type { Tx } from "../db";
import { AppError } from "../errors";
import { writeOutboxEvent } from "../realtime/outbox";

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
  const order = await readOrderFacts(tx, orderId);
  const jobs = order.jobs;
  const partsConfirmed = order.partsRequests.every((request) => request.status !== "requested" && !request.flagged);

  if (partsConfirmed && !order.cancelledAt) {
    // Received parts are here now; confirmed ones arrive on their promised date.
    const promised = order.partsRequests
      .filter((request) => request.status === "confirmed" && request.promisedAt !== null)
      .map((request) => request.promisedAt!);
    const release = new Date(Math.max(order.placedAt.getTime(), ...promised));
    const waiting = jobs.filter((job) => job.status === "waiting_parts").map((job) => job.id);
    if (waiting.length > 0) {
      await tx.productionJob.updateMany({ where: { id: { in: waiting } }, data: { status: "ready", release, version: { increment: 1 } } });
      for (const job of jobs) if (waiting.includes(job.id)) job.status = "ready";
    }
    const movable = jobs.filter((job) => (job.status === "ready" || job.status === "scheduled") && job.releaseAt !== release.getTime());
    if (movable.length > 0) {
      await tx.productionJob.updateMany({ where: { id: { in: movable.map((job) => job.id) } }, data: { release, version: { increment: 1 } } });
    }
  }

  const status = deriveOrderStatus({
    cancelled: order.cancelledAt !== null,
    shipped: order.shippedAt !== null,
    partsConfirmed,
    jobStatuses: jobs.map((job) => job.status),
  });
  if (status === order.status) return { status, changed: false };
  await tx.order.update({
    where: { id: order.id },
    data: { status, version: { increment: 1 }, ...(status === "completed" ? { completedAt: now } : {}) },
  });
  await tx.orderEvent.create({ data: { orderId: order.id, at: now, kind: status, message: STATUS_MESSAGES[status] } });
  await writeOutboxEvent(tx, { type: "order.updated", rooms: orderRooms(order), payload: { orderId: order.id, status } });
  return { status, changed: true };
}

type OrderFacts = {
  id: string;
  status: OrderStatus;
  manufacturerId: string;
  cancelledAt: Date | null;
  shippedAt: Date | null;
  placedAt: Date;
  partsRequests: Array<{ status: string; flagged: boolean; promisedAt: number | null }>;
  jobs: Array<{ id: string; status: JobStatus; releaseAt: number }>;
};

/**
 * The order with its parts requests and jobs in one query (it runs for every supplier answer;
 * as four, the round trips were most of its cost). Times inside the JSON are epoch ms.
 */
async function readOrderFacts(tx: Tx, orderId: string): Promise<OrderFacts> {
  const [order] = await tx.$queryRaw<OrderFacts[]>`
    SELECT o."id", o."status"::text AS "status", o."manufacturerId", o."cancelledAt", o."shippedAt", o."placedAt",
      COALESCE((SELECT json_agg(json_build_object('status', r."status"::text, 'flagged', r."flagged", 'promisedAt', floor(extract(epoch FROM r."promisedDate") * 1000)))
                FROM "PartsRequest" r WHERE r."orderId" = o."id"), '[]'::json) AS "partsRequests",
      COALESCE((SELECT json_agg(json_build_object('id', j."id", 'status', j."status"::text, 'releaseAt', floor(extract(epoch FROM j."release") * 1000)))
                FROM "ProductionJob" j JOIN "OrderItem" i ON i."id" = j."orderItemId" WHERE i."orderId" = o."id"), '[]'::json) AS "jobs"
    FROM "Order" o WHERE o."id" = ${orderId}`;
  if (!order) throw new AppError("ORDER_NOT_FOUND", "Not found.", { status: 404 });
  return order;
}
