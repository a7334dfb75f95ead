import type { CapablePromise } from "../promise/capable-to-promise";
import { estimateDelivery, type DeliveryEstimate, type DeliveryEstimateInput } from "../promise/estimate-delivery";
import { latestFinishFor, type ShippingTerms } from "../promise/shipping";

/**
 * The date an order is promised at placement. Normally each item's capable-to-promise (or the
 * factory's fixed lead time), the latest of them for the order (`orderPromiseFromItems`); when
 * the factory cannot promise from its plan (no line time), the configurator's estimate of each
 * item (`promiseOrder`). From it follow when production must be done (the jobs' due date) and
 * when parts must arrive.
 */
export type OrderPromiseInput = Omit<DeliveryEstimateInput, "partsList" | "productionMinutes" | "optionLeadTimeDays"> & {
  items: Array<{ partsList: DeliveryEstimateInput["partsList"]; productionMinutes: number; optionLeadTimeDays: number }>;
};

export type OrderPromise = {
  promisedDate: Date;
  /** When production must be finished: the jobs' due date. */
  productionDue: Date;
  /** Latest day parts may arrive for the promise to hold. */
  partsNeededBy: Date;
  /** The plan's finish the promise rests on, before its safety margin (null: not from the plan). */
  plannedFinishAt: Date | null;
  /** What each item's date rests on, kept with the item. */
  itemEstimates: Array<Extract<DeliveryEstimate, { kind: "estimate" }> | CapablePromise>;
};

export type OrderPromiseResult = { ok: true; promise: OrderPromise } | { ok: false; missing: Array<{ partNumber: string; shortfall: number }> };

const DAY_MS = 86_400_000;

export function promiseOrder(input: OrderPromiseInput): OrderPromiseResult {
  const { items, ...shared } = input;
  const estimates: Array<Extract<DeliveryEstimate, { kind: "estimate" }>> = [];
  for (const item of items) {
    const estimate = estimateDelivery({ ...shared, partsList: item.partsList, productionMinutes: item.productionMinutes, optionLeadTimeDays: item.optionLeadTimeDays });
    if (estimate.kind === "unavailable") return { ok: false, missing: estimate.missing };
    estimates.push(estimate);
  }
  const latest = estimates.reduce((a, b) => (b.arrivalDate > a.arrivalDate ? b : a));
  const promisedDate = new Date(`${latest.arrivalDate}T00:00:00Z`);
  const productionDays = Math.max(...estimates.map((estimate) => estimate.basis.find((stage) => stage.stage === "production")?.days ?? 0));
  const productionDue = new Date(promisedDate.getTime() - Math.max(0, Math.ceil(input.shippingDays)) * DAY_MS);
  return {
    ok: true,
    promise: { promisedDate, productionDue, partsNeededBy: new Date(productionDue.getTime() - productionDays * DAY_MS), plannedFinishAt: null, itemEstimates: estimates },
  };
}

/**
 * An order's promise from its items' promises (each made for the order's destination): the
 * latest arrival; production due by the latest finish that still keeps it; parts needed by the
 * day the first planned unit starts (a slower, cheaper supplier that still makes that is fine).
 */
export function orderPromiseFromItems(items: CapablePromise[], terms: ShippingTerms, now: number): OrderPromise {
  if (items.length === 0) throw new RangeError("an order promise needs at least one item");
  const arrival = items.reduce((latest, item) => (item.arrivalDate > latest ? item.arrivalDate : latest), items[0]!.arrivalDate);
  const productionDue = Math.max(latestFinishFor(arrival, terms), ...items.map((item) => item.promisedFinish));
  const firstStarts = items.map((item) => (item.slots.length > 0 ? Math.min(...item.slots.map((slot) => slot.start)) : item.productionDue - DAY_MS));
  const neededBy = Math.max(now, Math.floor(Math.min(...firstStarts) / DAY_MS) * DAY_MS);
  const fromPlan = items.every((item) => item.kind === "capable-to-promise");
  return {
    promisedDate: new Date(`${arrival}T00:00:00Z`),
    productionDue: new Date(productionDue),
    partsNeededBy: new Date(neededBy),
    plannedFinishAt: fromPlan ? new Date(Math.max(...items.map((item) => item.plannedFinish))) : null,
    itemEstimates: items,
  };
}
