import type { ConfirmRevisedDates } from "@/lib/core/promise/promise-schemas";
import type { Actor } from "@/lib/core/policy";
import { clock } from "../clock";
import { db } from "../db";
import { AppError } from "../errors";
import { requirePlanner } from "../planning/load-planning-state";
import { nudgeOutbox } from "../realtime/outbox";
import { loadPromiseFactory, shippingTermsFor } from "./load-promise-factory";
import { reviseOrderPromise } from "./revise-order-promise";
import { countryOf } from "./review-order-promises";

/**
 * The planner confirms the revised dates the promise review proposed: each order's consumer
 * then sees the new date and its cause, and the order's jobs are due by it. Orders of another
 * manufacturer, or without a revised date, are reported, not touched.
 */
export async function confirmRevisedDates(actor: Actor, input: ConfirmRevisedDates) {
  const planner = requirePlanner(actor, "job.move");
  const now = clock.now().getTime();
  const orders = await db.order.findMany({
    where: { id: { in: input.orderIds }, manufacturerId: planner.organizationId, revisedPromisedDate: { not: null } },
    select: { id: true, number: true, revisedPromisedDate: true, revisionCause: true, shippingAddress: true },
  });
  if (orders.length === 0) throw new AppError("NO_REVISED_DATES", "None of these orders has a revised date to confirm.", { status: 404 });
  const factory = await loadPromiseFactory(planner.organizationId, now);
  for (const order of orders) {
    await reviseOrderPromise(order.id, {
      newDate: order.revisedPromisedDate!,
      cause: order.revisionCause ?? "the plan changed",
      now,
      terms: shippingTermsFor(factory, countryOf(order.shippingAddress)),
    });
  }
  nudgeOutbox();
  const confirmed = new Set(orders.map((order) => order.id));
  return { confirmed: orders.map((order) => ({ id: order.id, number: order.number, promisedDate: order.revisedPromisedDate!.toISOString().slice(0, 10) })), skipped: input.orderIds.filter((id) => !confirmed.has(id)) };
}
