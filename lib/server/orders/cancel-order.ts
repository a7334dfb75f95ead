import { canCancelOrder } from "@/lib/core/orders/order-status";
import { canWithdraw } from "@/lib/core/sourcing/parts-request-state";
import type { Actor } from "@/lib/core/policy";
import { authorize } from "../auth/authorize";
import { clock } from "../clock";
import { db } from "../db";
import { AppError, conflict } from "../errors";
import { nudgeOutbox, writeOutboxEvent } from "../realtime/outbox";
import { orderRooms } from "./refresh-order-progress";

/**
 * A consumer cancels an order until production starts: open parts requests are withdrawn
 * (their suppliers are told), reserved stock is released, jobs are cancelled — one transaction.
 */
export async function cancelOrder(actor: Actor, orderId: string) {
  const result = await db.$transaction(async (tx) => {
    const now = clock.now();
    const order = await tx.order.findUnique({
      where: { id: orderId },
      select: { id: true, status: true, consumerId: true, manufacturerId: true, version: true },
    });
    authorize(actor, "order.cancel", { consumerId: order?.consumerId ?? "", manufacturerId: order?.manufacturerId }, "ORDER_NOT_FOUND");
    if (!order) throw new AppError("ORDER_NOT_FOUND", "Not found.", { status: 404 });
    if (!canCancelOrder(order.status)) {
      throw conflict("ORDER_NOT_CANCELLABLE", order.status === "cancelled" ? "This order is already cancelled." : "Production has started; this order can no longer be cancelled.");
    }
    // The version guard makes a cancel racing a line's job start lose cleanly.
    const claimed = await tx.order.updateMany({
      where: { id: order.id, version: order.version },
      data: { status: "cancelled", cancelledAt: now, version: { increment: 1 } },
    });
    if (claimed.count === 0) throw conflict("ORDER_CHANGED", "The order changed meanwhile; reload and try again.");

    const requests = await tx.partsRequest.findMany({ where: { orderId: order.id }, select: { id: true, status: true, supplierId: true } });
    const withdrawn = requests.filter((request) => canWithdraw(request.status));
    if (withdrawn.length > 0) {
      await tx.partsRequest.updateMany({ where: { id: { in: withdrawn.map((r) => r.id) } }, data: { status: "withdrawn", version: { increment: 1 } } });
    }
    // In part id order, as order placement reserves (tailorline_reserve_stock): no deadlock between them.
    const reservations = await tx.stockReservation.findMany({
      where: { orderItem: { orderId: order.id }, releasedAt: null },
      select: { id: true, partId: true, quantity: true },
      orderBy: { partId: "asc" },
    });
    for (const reservation of reservations) {
      await tx.part.update({ where: { id: reservation.partId }, data: { reserved: { decrement: reservation.quantity } } });
    }
    if (reservations.length > 0) await tx.stockReservation.updateMany({ where: { id: { in: reservations.map((r) => r.id) } }, data: { releasedAt: now } });
    await tx.productionJob.updateMany({
      where: { orderItem: { orderId: order.id }, status: { in: ["waiting_parts", "ready", "scheduled", "queued"] } },
      data: { status: "cancelled", version: { increment: 1 } },
    });
    await tx.orderEvent.create({ data: { orderId: order.id, at: now, kind: "cancelled", message: "Order cancelled by the customer" } });
    await writeOutboxEvent(tx, { type: "order.updated", rooms: orderRooms(order), payload: { orderId: order.id, status: "cancelled" } });
    for (const supplierId of new Set(withdrawn.map((request) => request.supplierId))) {
      await writeOutboxEvent(tx, { type: "parts-request.updated", rooms: [`supplier:${supplierId}`], payload: { orderId: order.id, status: "withdrawn" } });
    }
    return { id: order.id, status: "cancelled" as const, withdrawnRequests: withdrawn.length, releasedReservations: reservations.length };
  });
  nudgeOutbox();
  return result;
}
