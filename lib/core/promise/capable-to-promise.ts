import type { EarliestRelease } from "./earliest-release";
import type { SafetyMargin } from "./safety-margin";
import { latestFinishFor, shipmentFor, type ShippingTerms } from "./shipping";
import { addWorkingMinutes, type Interval } from "./working-time";

/**
 * Capable-to-promise, put together: parts give the earliest release, a trial insertion into the
 * published plan gives the planned finish, the learned safety margin (working minutes on the
 * factory's calendar) gives the promised finish, and shipping to the destination gives the
 * date. The answer keeps what it rests on, in words the consumer reads, and the latest finish
 * that still keeps it (the jobs' due date).
 */
export type PromiseStage = "parts" | "options" | "line" | "margin" | "shipping";

export type PromiseBasis = { stage: PromiseStage; label: string };

export type PromisedSlot = { lineId: string; lineCode: string; start: number; end: number };

export type CapablePromise = {
  kind: "capable-to-promise" | "fixed-lead-time";
  /** Local date at the destination's door, "YYYY-MM-DD". */
  arrivalDate: string;
  dispatchDate: string;
  /** Epoch ms. */
  release: number;
  plannedFinish: number;
  promisedFinish: number;
  /** The latest production finish that keeps the date: the jobs' due date. */
  productionDue: number;
  margin: SafetyMargin | null;
  transitDays: number;
  destination: string;
  slots: PromisedSlot[];
  basis: PromiseBasis[];
};

export type CapablePromiseInput = {
  release: Extract<EarliestRelease, { kind: "release" }>;
  slots: PromisedSlot[];
  margin: SafetyMargin;
  /** The factory's merged production windows, reaching well past the planned finish. */
  calendar: readonly Interval[];
  shipping: ShippingTerms & { destination: string };
  express: boolean;
};

export function capableToPromise(input: CapablePromiseInput): CapablePromise {
  const { release, slots, margin, shipping } = input;
  if (slots.length === 0) throw new RangeError("a promise needs at least one slot");
  const plannedFinish = Math.max(...slots.map((slot) => slot.end));
  const promisedFinish = addWorkingMinutes(input.calendar, plannedFinish, margin.minutes);
  const shipment = shipmentFor(promisedFinish, shipping);
  const productionDue = Math.max(promisedFinish, latestFinishFor(shipment.arrivalDate, shipping));
  const day = dayFormat(shipping.timeZone);
  const dayTime = dayTimeFormat(shipping.timeZone);

  const basis: PromiseBasis[] = [];
  basis.push({
    stage: "parts",
    label: release.critical
      ? `parts by ${day.format(release.release)} (${release.critical.name} from ${release.critical.supplier}, ${plural(release.critical.leadTimeDays, "day")})`
      : "all parts in stock",
  });
  if (release.optionDays > 0) basis.push({ stage: "options", label: `your options add ${plural(release.optionDays, "day")}` });
  const first = slots.reduce((a, b) => (b.start < a.start ? b : a));
  const lines = [...new Set(slots.map((slot) => slot.lineCode))];
  basis.push({
    stage: "line",
    label: `${input.express ? "express: " : ""}line ${lines.join(", ")} has ${slots.length === 1 ? "a slot" : `slots for ${slots.length} units from`} ${dayTime.format(first.start)}, done ${dayTime.format(plannedFinish)}`,
  });
  basis.push({ stage: "margin", label: marginLabel(margin) });
  basis.push({ stage: "shipping", label: `leaves ${day.format(Date.parse(`${shipment.dispatchDate}T12:00:00Z`))}, ${plural(shipping.transitDays, "carrier day")} to ${shipping.destination}` });

  return {
    kind: "capable-to-promise",
    arrivalDate: shipment.arrivalDate,
    dispatchDate: shipment.dispatchDate,
    release: release.release,
    plannedFinish,
    promisedFinish,
    productionDue,
    margin,
    transitDays: shipping.transitDays,
    destination: shipping.destination,
    slots,
    basis,
  };
}

function marginLabel(margin: SafetyMargin): string {
  const size = margin.minutes >= 60 ? `${Math.round((margin.minutes / 60) * 10) / 10} h` : `${margin.minutes} min`;
  const percent = Math.round(margin.level * 100);
  if (margin.source === "prior" || margin.coverage === null) return `${size} of working time as a safety margin (no delivery history yet)`;
  return `${size} of working time as a safety margin: ${Math.round(margin.coverage * 100)} % of ${margin.samples} past orders finished within it (aiming at ${percent} %)`;
}

export function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  const key = `day|${timeZone}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone })));
  return format;
}

function dayTimeFormat(timeZone: string): Intl.DateTimeFormat {
  const key = `time|${timeZone}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone })));
  return format;
}

/**
 * The naive promise, for comparison and for factories that quote one: a fixed number of
 * calendar days from the order, whatever the plan holds.
 */
export function fixedLeadTimePromise(input: { now: number; leadTimeDays: number; shipping: ShippingTerms & { destination: string } }): CapablePromise {
  const { shipping } = input;
  const today = new Date(input.now).toISOString().slice(0, 10);
  const arrivalDate = new Date(Date.parse(`${today}T00:00:00Z`) + input.leadTimeDays * 86_400_000).toISOString().slice(0, 10);
  const productionDue = latestFinishFor(arrivalDate, shipping);
  return {
    kind: "fixed-lead-time",
    arrivalDate,
    dispatchDate: shipmentFor(productionDue, shipping).dispatchDate,
    release: input.now,
    plannedFinish: productionDue,
    promisedFinish: productionDue,
    productionDue,
    margin: null,
    transitDays: shipping.transitDays,
    destination: shipping.destination,
    slots: [],
    basis: [{ stage: "line", label: `our standard lead time of ${plural(input.leadTimeDays, "day")}` }],
  };
}
