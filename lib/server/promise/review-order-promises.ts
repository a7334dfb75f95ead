import { reviewPromises } from "@/lib/core/promise/review-promises";
import type { Schedule } from "@/lib/core/scheduling/schedule-schema";
import { db } from "../db";
import { nudgeOutbox } from "../realtime/outbox";
import { loadPromiseFactory, shippingTermsFor } from "./load-promise-factory";
import { loadSafetyMargins } from "./load-safety-margins";
import { flagRevision, reviseOrderPromise } from "./revise-order-promise";

const OPEN_JOBS = ["waiting_parts", "ready", "scheduled", "queued"] as const;

/**
 * The orders behind the jobs a disruption touched, checked against a (repaired) schedule: an
 * order whose jobs now finish after its due date gets a revised date with the cause — waiting
 * for the planner, or told to the consumer at once, as the factory's policy says.
 */
export async function reviewOrderPromises(
  manufacturerId: string,
  input: { schedule: Schedule; affectedJobIds: string[]; cause: string; now: number },
): Promise<{ reviewed: number; revised: string[] }> {
  if (input.affectedJobIds.length === 0) return { reviewed: 0, revised: [] };
  const orders = await db.order.findMany({
    where: { manufacturerId, status: { notIn: ["cancelled", "completed", "shipped"] }, promisedDate: { not: null }, items: { some: { jobs: { some: { id: { in: input.affectedJobIds } } } } } },
    select: {
      id: true, promisedDate: true, revisedPromisedDate: true, shippingAddress: true,
      items: { select: { jobs: { where: { status: { in: [...OPEN_JOBS] } }, select: { id: true } } } },
    },
  });
  if (orders.length === 0) return { reviewed: 0, revised: [] };
  const factory = await loadPromiseFactory(manufacturerId, input.now);
  const margins = await loadSafetyMargins(manufacturerId, input.now, factory.calendar, factory.confidence);
  const plannedEnd = new Map(input.schedule.assignments.map((assignment) => [assignment.jobId, Date.parse(assignment.end)]));
  const unplaced = new Set(input.schedule.unscheduled.map((entry) => entry.jobId));
  const terms = new Map(orders.map((order) => [order.id, shippingTermsFor(factory, countryOf(order.shippingAddress))]));
  const reviews = reviewPromises({
    orders: orders.map((order) => ({
      orderId: order.id,
      promisedDate: order.promisedDate!.toISOString().slice(0, 10),
      jobIds: order.items.flatMap((item) => item.jobs.map((job) => job.id)),
      shipping: terms.get(order.id)!,
    })),
    plannedEnd,
    unplaced,
    // A revised date carries the larger of the two margins: it was broken once already.
    margin: margins.supplier.minutes >= margins.stock.minutes ? margins.supplier : margins.stock,
    calendar: factory.calendar,
  });
  const revised: string[] = [];
  for (const review of reviews) {
    if (review.holds) continue;
    const order = orders.find((candidate) => candidate.id === review.orderId)!;
    const newDate = review.revisedDate ? new Date(`${review.revisedDate}T00:00:00Z`) : null;
    // Already flagged with this date: nothing new to say.
    if (newDate && order.revisedPromisedDate?.getTime() === newDate.getTime()) continue;
    if (newDate && factory.revisedDatePolicy === "automatic") {
      await reviseOrderPromise(order.id, { newDate, cause: input.cause, now: input.now, terms: terms.get(order.id)! });
    } else {
      await flagRevision(order.id, manufacturerId, { newDate, cause: input.cause, now: input.now });
    }
    revised.push(order.id);
  }
  if (revised.length > 0) nudgeOutbox();
  return { reviewed: reviews.length, revised };
}

export function countryOf(address: unknown): string {
  const country = (address as { country?: unknown } | null)?.country;
  return typeof country === "string" && /^[A-Za-z]{2}$/.test(country) ? country.toUpperCase() : "";
}
