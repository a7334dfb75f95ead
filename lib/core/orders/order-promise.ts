import { estimateDelivery, type DeliveryEstimate, type DeliveryEstimateInput } from "../promise/estimate-delivery";

/**
 * The date an order is promised at placement: the configurator's delivery estimate of each
 * item (the same one the consumer saw while choosing), the latest of them for the order. From
 * it follow when production must be done (the jobs' due date) and when parts must arrive.
 * The capable-to-promise issue replaces the estimate with a trial insertion into the plan; the
 * shape stays.
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
  itemEstimates: Array<Extract<DeliveryEstimate, { kind: "estimate" }>>;
};

export type OrderPromiseResult = { ok: true; promise: OrderPromise } | { ok: false; missing: Array<{ partNumber: string; shortfall: number }> };

const DAY_MS = 86_400_000;

export function promiseOrder(input: OrderPromiseInput): OrderPromiseResult {
  const { items, ...shared } = input;
  const estimates: OrderPromise["itemEstimates"] = [];
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
    promise: { promisedDate, productionDue, partsNeededBy: new Date(productionDue.getTime() - productionDays * DAY_MS), itemEstimates: estimates },
  };
}
