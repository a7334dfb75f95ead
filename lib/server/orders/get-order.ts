import type { Actor } from "@/lib/core/policy";
import { authorize } from "../auth/authorize";
import { db } from "../db";
import { AppError } from "../errors";

/** One order with its items, parts, jobs and timeline, for its consumer or the manufacturer's staff. */
export async function getOrder(actor: Actor, orderId: string) {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: {
      id: true, number: true, status: true, currency: true, totalPrice: true, placedAt: true, promisedDate: true,
      atRisk: true, atRiskReason: true, cancelledAt: true, completedAt: true, shippedAt: true, consumerId: true, manufacturerId: true,
      shippingAddress: true, contact: true,
      manufacturer: { select: { name: true } },
      items: {
        select: {
          id: true, quantity: true, unitPrice: true, totalPrice: true, configuration: true, priceBreakdown: true, promisedDate: true,
          product: { select: { id: true, name: true, slug: true } },
          productVersion: { select: { version: true } },
          jobs: {
            orderBy: { code: "asc" },
            select: { id: true, code: true, status: true, progress: true, start: true, end: true, startedAt: true, completedAt: true, line: { select: { code: true, name: true } } },
          },
        },
      },
      partsRequests: {
        orderBy: { createdAt: "asc" },
        select: { id: true, status: true, quantity: true, confirmedQuantity: true, promisedDate: true, flagged: true, part: { select: { partNumber: true, name: true } }, supplier: { select: { slug: true, name: true } } },
      },
      events: { orderBy: { at: "asc" }, select: { id: true, at: true, kind: true, message: true } },
    },
  });
  authorize(actor, "order.read", { consumerId: order?.consumerId ?? "", manufacturerId: order?.manufacturerId }, "ORDER_NOT_FOUND");
  if (!order) throw new AppError("ORDER_NOT_FOUND", "Not found.", { status: 404 });
  return order;
}

export type OrderDetail = Awaited<ReturnType<typeof getOrder>>;
