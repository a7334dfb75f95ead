import { latestFinishFor, type ShippingTerms } from "@/lib/core/promise/shipping";
import { db } from "../db";
import { orderRooms } from "../orders/refresh-order-progress";
import { writeOutboxEvent } from "../realtime/outbox";

const dayFormat = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });

/**
 * An order's date no longer holds: the planner is told, with the cause and the date the
 * repaired plan can keep (none when it cannot place the order at all). The consumer sees
 * nothing new until the date is confirmed.
 */
export async function flagRevision(orderId: string, manufacturerId: string, input: { newDate: Date | null; cause: string; now: number }): Promise<void> {
  const message = input.newDate ? `Delivery date at risk: ${input.cause}; the plan can keep ${dayFormat.format(input.newDate)}` : `Delivery date at risk: ${input.cause}; no line has room for it in the next four weeks`;
  await db.$transaction(async (tx) => {
    await tx.order.update({ where: { id: orderId }, data: { atRisk: true, atRiskReason: input.cause, revisedPromisedDate: input.newDate, revisionCause: input.cause } });
    await tx.orderEvent.create({ data: { orderId, at: new Date(input.now), kind: "at_risk", message, data: { cause: input.cause, revisedDate: input.newDate?.toISOString() ?? null } } });
    await writeOutboxEvent(tx, {
      type: "order.at-risk",
      rooms: [`manufacturer:${manufacturerId}`],
      payload: { orderId, cause: input.cause, revisedDate: input.newDate?.toISOString() ?? null },
    });
  });
}

/**
 * The order gets its new date (the planner confirmed it, or the factory tells consumers at
 * once): the promise, its items and the jobs' due date move, and the consumer's timeline says
 * when and why.
 */
export async function reviseOrderPromise(orderId: string, input: { newDate: Date; cause: string; now: number; terms: ShippingTerms }): Promise<void> {
  const productionDue = new Date(latestFinishFor(input.newDate.toISOString().slice(0, 10), input.terms));
  await db.$transaction(async (tx) => {
    const order = await tx.order.update({
      where: { id: orderId },
      data: { promisedDate: input.newDate, revisedPromisedDate: null, revisionCause: null, atRisk: false, atRiskReason: null, version: { increment: 1 } },
      select: { id: true, manufacturerId: true },
    });
    await tx.orderItem.updateMany({ where: { orderId }, data: { promisedDate: input.newDate } });
    await tx.productionJob.updateMany({
      where: { orderItem: { orderId }, status: { in: ["waiting_parts", "ready", "scheduled", "queued", "running"] } },
      // Not a planner's edit: no version bump, so an open repair proposal stays acceptable.
      data: { due: productionDue },
    });
    await tx.orderEvent.create({
      data: { orderId, at: new Date(input.now), kind: "promise_revised", message: `New delivery date ${dayFormat.format(input.newDate)}: ${input.cause}`, data: { promisedDate: input.newDate.toISOString(), cause: input.cause } },
    });
    await writeOutboxEvent(tx, { type: "order.updated", rooms: orderRooms(order), payload: { orderId, promisedDate: input.newDate.toISOString() } });
  });
}
