/**
 * A delivery *estimate* for one configured order line, before the plan is consulted: parts from
 * stock or the fastest supplier, the wait for a line, production time, shipping — each stage
 * stated, so the promise says what it rests on. The capable-to-promise check (a trial insertion
 * into the current plan) refines it later; this is what the configurator shows while choosing.
 * Calendar days in UTC: no working-day calendar, no time zone.
 */

export interface SupplierOffer {
  supplier: string;
  leadTimeDays: number;
  /** Minor units per part unit. */
  unitPrice: number;
  minimumOrderQuantity: number;
}

export interface DeliveryEstimateInput {
  /** The calendar day of the estimate: "YYYY-MM-DD" or an instant (its UTC date is used). */
  today: string | Date;
  /** From evaluate: quantities for the whole order line. */
  partsList: readonly { partNumber: string; quantity: number }[];
  stock: Readonly<Record<string, number>>;
  offers: Readonly<Record<string, readonly SupplierOffer[]>>;
  /** From evaluate's job: minutes at line speed 1 for the whole order line. */
  productionMinutes: number;
  /** Production minutes a line gives this job per calendar day; one shift by default. */
  minutesPerDay?: number;
  /** From evaluate: the chosen options' lead-time effect; negative (express) shortens the wait. */
  optionLeadTimeDays?: number;
  /** Days the job is expected to wait for a line slot. */
  queueDays?: number;
  shippingDays: number;
  /** Readable names for the basis labels ("door panel"); the part number otherwise. */
  partNames?: Readonly<Record<string, string>>;
}

export interface PartSourcing {
  partNumber: string;
  needed: number;
  onHand: number;
  shortfall: number;
  source: "stock" | "supplier";
  supplier: string | null;
  leadTimeDays: number;
  /** What to order: the shortfall, raised to the supplier's minimum. */
  orderQuantity: number;
}

export interface EstimateBasis {
  stage: "parts" | "waiting" | "options" | "production" | "shipping";
  days: number;
  label: string;
}

export type DeliveryEstimate =
  | {
      kind: "estimate";
      label: "Estimated delivery";
      arrivalDate: string;
      totalDays: number;
      basis: EstimateBasis[];
      parts: PartSourcing[];
    }
  | { kind: "unavailable"; missing: { partNumber: string; shortfall: number }[]; message: string };

const DEFAULT_MINUTES_PER_DAY = 480;

export function estimateDelivery(input: DeliveryEstimateInput): DeliveryEstimate {
  const parts: PartSourcing[] = [];
  const missing: { partNumber: string; shortfall: number }[] = [];
  for (const line of input.partsList) {
    const onHand = Math.max(0, input.stock[line.partNumber] ?? 0);
    const shortfall = Math.max(0, roundQuantity(line.quantity - onHand));
    if (shortfall === 0) {
      parts.push({ partNumber: line.partNumber, needed: line.quantity, onHand, shortfall, source: "stock", supplier: null, leadTimeDays: 0, orderQuantity: 0 });
      continue;
    }
    const offer = fastestOffer(input.offers[line.partNumber] ?? [], shortfall);
    if (!offer) {
      missing.push({ partNumber: line.partNumber, shortfall });
      continue;
    }
    parts.push({
      partNumber: line.partNumber,
      needed: line.quantity,
      onHand,
      shortfall,
      source: "supplier",
      supplier: offer.supplier,
      leadTimeDays: offer.leadTimeDays,
      orderQuantity: Math.max(shortfall, offer.minimumOrderQuantity),
    });
  }
  if (missing.length > 0) {
    return { kind: "unavailable", missing, message: `No stock and no supplier for ${missing.map((part) => part.partNumber).join(", ")}` };
  }

  const name = (partNumber: string) => input.partNames?.[partNumber] ?? partNumber;
  const critical = parts.reduce<PartSourcing | null>((latest, part) => (part.leadTimeDays > (latest?.leadTimeDays ?? 0) ? part : latest), null);
  const partsDays = critical?.leadTimeDays ?? 0;
  const optionDays = Math.max(0, input.optionLeadTimeDays ?? 0);
  const waitingDays = Math.max(0, (input.queueDays ?? 0) + Math.min(0, input.optionLeadTimeDays ?? 0));
  const minutes = Math.max(0, input.productionMinutes);
  const productionDays = minutes === 0 ? 0 : Math.max(1, Math.ceil(minutes / (input.minutesPerDay ?? DEFAULT_MINUTES_PER_DAY)));
  const shippingDays = Math.max(0, Math.ceil(input.shippingDays));

  const basis: EstimateBasis[] = [
    {
      stage: "parts",
      days: partsDays,
      label: critical ? `parts in ${days(partsDays)} (${name(critical.partNumber)} from ${critical.supplier})` : "all parts in stock",
    },
  ];
  if (waitingDays > 0) basis.push({ stage: "waiting", days: waitingDays, label: `waiting for a line ${days(waitingDays)}` });
  if (optionDays > 0) basis.push({ stage: "options", days: optionDays, label: `chosen options add ${days(optionDays)}` });
  basis.push({ stage: "production", days: productionDays, label: `production ${days(productionDays)}` });
  basis.push({ stage: "shipping", days: shippingDays, label: `shipping ${days(shippingDays)}` });

  const totalDays = basis.reduce((sum, stage) => sum + stage.days, 0);
  return { kind: "estimate", label: "Estimated delivery", arrivalDate: addCalendarDays(input.today, totalDays), totalDays, basis, parts };
}

/** Shortest lead time; then the cheaper order (the minimum order quantity counts); then by name. */
function fastestOffer(offers: readonly SupplierOffer[], shortfall: number): SupplierOffer | null {
  let best: SupplierOffer | null = null;
  const cost = (offer: SupplierOffer) => offer.unitPrice * Math.max(shortfall, offer.minimumOrderQuantity);
  for (const offer of offers) {
    if (!Number.isFinite(offer.leadTimeDays) || offer.leadTimeDays < 0) continue;
    if (
      !best ||
      offer.leadTimeDays < best.leadTimeDays ||
      (offer.leadTimeDays === best.leadTimeDays && (cost(offer) < cost(best) || (cost(offer) === cost(best) && offer.supplier < best.supplier)))
    ) {
      best = offer;
    }
  }
  return best;
}

function days(count: number): string {
  return count === 1 ? "1 day" : `${count} days`;
}

function roundQuantity(quantity: number): number {
  return Math.round(quantity * 1e6) / 1e6;
}

/** UTC calendar arithmetic: the same answer in every time zone and across daylight-saving changes. */
export function addCalendarDays(day: string | Date, count: number): string {
  let year: number;
  let month: number;
  let date: number;
  if (typeof day === "string") {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
    if (!match) throw new RangeError(`expected a YYYY-MM-DD date, got "${day.slice(0, 20)}"`);
    [year, month, date] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  } else {
    [year, month, date] = [day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()];
  }
  return new Date(Date.UTC(year, month, date + count)).toISOString().slice(0, 10);
}
