/**
 * The delivery date an order is promised at placement, in calendar days from today (UTC):
 * parts (stock now, else the chosen supplier's lead time) → production → shipping, with the
 * option lead-time effects (custom colours add days, express removes them) and a safety day.
 * The capable-to-promise issue replaces the production part with a trial insertion into the
 * live plan; the shape (promised date, when parts are needed, when jobs are due) stays.
 */
export type OrderPromiseInput = {
  today: Date;
  /** Days until each bought part arrives (0 for parts from stock). */
  partLeadDays: number[];
  /** Production minutes (at line speed 1) of the longest unit on the order. */
  longestUnitMinutes: number;
  /** Minutes the factory produces per working day on one line (its shift length). */
  minutesPerWorkingDay: number;
  /** Sum of the chosen options' lead-time effects, the largest over the order's items. */
  optionLeadDays: number;
  shippingDays: number;
};

export type OrderPromise = {
  promisedDate: Date;
  /** Latest day parts may arrive for the promise to hold. */
  partsNeededBy: Date;
  /** When production must be finished: the jobs' due date. */
  productionDue: Date;
  breakdown: { partsDays: number; productionDays: number; optionDays: number; safetyDays: number; shippingDays: number };
};

const DAY_MS = 86_400_000;
const SAFETY_DAYS = 1;

function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY_MS);
}

export function promiseOrder(input: OrderPromiseInput): OrderPromise {
  const today = new Date(Date.UTC(input.today.getUTCFullYear(), input.today.getUTCMonth(), input.today.getUTCDate()));
  const partsDays = Math.max(0, ...input.partLeadDays);
  const productionDays = Math.max(1, Math.ceil(input.longestUnitMinutes / Math.max(1, input.minutesPerWorkingDay)));
  // Express can take days off the buffers, never below parts + production + shipping.
  const optionDays = Math.max(-SAFETY_DAYS - 2, input.optionLeadDays);
  const makeDays = Math.max(partsDays + productionDays, partsDays + productionDays + SAFETY_DAYS + 2 + optionDays);
  const productionDue = addDays(today, makeDays);
  const promisedDate = addDays(productionDue, input.shippingDays);
  return {
    promisedDate,
    partsNeededBy: addDays(productionDue, -productionDays),
    productionDue,
    breakdown: { partsDays, productionDays, optionDays, safetyDays: makeDays - partsDays - productionDays - optionDays, shippingDays: input.shippingDays },
  };
}
