import type { SafetyMargin } from "./safety-margin";
import { latestFinishFor, shipmentFor, type ShippingTerms } from "./shipping";
import { addWorkingMinutes, type Interval } from "./working-time";

/**
 * After a disruption and its repair: which promises still hold? An order holds while the last
 * of its planned jobs finishes by the order's due date. One that does not gets a revised date
 * made the way a new promise is (the repaired finish, the learned margin, shipping), and the
 * cause of the disruption — for the planner to confirm, or for the consumer at once.
 */
export type OrderUnderReview = {
  orderId: string;
  /** "YYYY-MM-DD": the date the consumer holds. */
  promisedDate: string;
  /** The order's jobs still to make (not started). */
  jobIds: string[];
  shipping: ShippingTerms;
};

export type PromiseReview =
  | { orderId: string; holds: true; expectedFinish: number }
  | { orderId: string; holds: false; expectedFinish: number | null; revisedDate: string | null; productionDue: number | null };

export type ReviewInput = {
  orders: OrderUnderReview[];
  /** Job id → planned end (epoch ms) in the repaired plan. */
  plannedEnd: ReadonlyMap<string, number>;
  /** Jobs the repaired plan could not place. */
  unplaced: ReadonlySet<string>;
  margin: SafetyMargin;
  calendar: readonly Interval[];
};

export function reviewPromises(input: ReviewInput): PromiseReview[] {
  const reviews: PromiseReview[] = [];
  for (const order of input.orders) {
    if (order.jobIds.length === 0) continue;
    if (order.jobIds.some((jobId) => input.unplaced.has(jobId))) {
      reviews.push({ orderId: order.orderId, holds: false, expectedFinish: null, revisedDate: null, productionDue: null });
      continue;
    }
    const ends = order.jobIds.map((jobId) => input.plannedEnd.get(jobId)).filter((end): end is number => end !== undefined);
    if (ends.length === 0) continue;
    const expectedFinish = Math.max(...ends);
    const due = latestFinishFor(order.promisedDate, order.shipping);
    if (expectedFinish <= due) {
      reviews.push({ orderId: order.orderId, holds: true, expectedFinish });
      continue;
    }
    const promisedFinish = addWorkingMinutes(input.calendar, expectedFinish, input.margin.minutes);
    const revisedDate = shipmentFor(promisedFinish, order.shipping).arrivalDate;
    reviews.push({
      orderId: order.orderId,
      holds: false,
      expectedFinish,
      revisedDate: revisedDate > order.promisedDate ? revisedDate : order.promisedDate,
      productionDue: Math.max(promisedFinish, latestFinishFor(revisedDate, order.shipping)),
    });
  }
  return reviews;
}
