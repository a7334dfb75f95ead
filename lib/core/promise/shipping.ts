import { addDays, localParts, weekdayOf, zonedInstant, type LocalDate } from "../oee/zoned-time";

/**
 * From a production finish to the consumer's door. Goods leave on carrier days (Monday to
 * Friday in the factory's time zone, except the factory's holidays): finished by the dispatch
 * cut-off, they leave that day, else the next carrier day; then the destination's transit days,
 * counted in carrier days. Dates are local calendar dates, "YYYY-MM-DD".
 */
export type ShippingTerms = {
  /** IANA time zone of the factory: dispatch days and the cut-off are local there. */
  timeZone: string;
  /** Local minute of the day; finished later, goods leave the next carrier day. */
  cutoffMinute: number;
  /** Carrier days in transit to the destination. */
  transitDays: number;
  /** Local dates the carrier does not collect (the factory's holidays). */
  holidays?: ReadonlySet<string>;
};

export type Shipment = { dispatchDate: string; arrivalDate: string };

/** Where a factory stands, from its time zone (the settings carry no address yet). */
const COUNTRY_OF_ZONE: Record<string, string> = {
  "Europe/Stockholm": "SE", "Europe/Oslo": "NO", "Europe/Copenhagen": "DK", "Europe/Helsinki": "FI", "Europe/Berlin": "DE",
  "Europe/Rome": "IT", "Europe/Paris": "FR", "Europe/Madrid": "ES", "Europe/Amsterdam": "NL", "Europe/Brussels": "BE",
  "Europe/Vienna": "AT", "Europe/Warsaw": "PL", "Europe/Prague": "CZ", "Europe/Zurich": "CH", "Europe/London": "GB",
  "Europe/Lisbon": "PT", "Europe/Dublin": "IE", UTC: "",
};

const NEIGHBOURS: Record<string, readonly string[]> = {
  SE: ["NO", "DK", "FI"], NO: ["SE", "DK", "FI"], DK: ["SE", "NO", "DE"], FI: ["SE", "NO", "EE"],
  DE: ["DK", "NL", "BE", "LU", "FR", "CH", "AT", "CZ", "PL"], IT: ["FR", "CH", "AT", "SI", "SM", "VA"],
  FR: ["BE", "LU", "DE", "CH", "IT", "ES", "MC"], ES: ["PT", "FR", "AD"], NL: ["BE", "DE"], AT: ["DE", "CZ", "SK", "HU", "SI", "IT", "CH"],
};

const EU_EEA = new Set(
  "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO".split(" "),
);

export function countryOfTimeZone(timeZone: string): string {
  return COUNTRY_OF_ZONE[timeZone] ?? "";
}

/**
 * Transit days by destination: the factory's own country takes its domestic days, a neighbour
 * one more, the rest of the EU/EEA two more, the UK and Switzerland three more (customs), the
 * rest of the world six more.
 */
export function transitDaysTo(destination: string, factoryCountry: string, domesticDays: number): number {
  const to = destination.toUpperCase();
  const base = Math.max(0, Math.ceil(domesticDays));
  if (!factoryCountry || to === factoryCountry) return base;
  if (NEIGHBOURS[factoryCountry]?.includes(to)) return base + 1;
  if (EU_EEA.has(to) && EU_EEA.has(factoryCountry)) return base + 2;
  if (to === "GB" || to === "CH") return base + 3;
  return base + 6;
}

const dateKey = (date: LocalDate) => `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;

function parseDate(day: string): LocalDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`expected a YYYY-MM-DD date, got "${day.slice(0, 20)}"`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function isCarrierDay(date: LocalDate, holidays: ReadonlySet<string> | undefined): boolean {
  return weekdayOf(date) < 5 && !holidays?.has(dateKey(date));
}

function nextCarrierDay(date: LocalDate, holidays: ReadonlySet<string> | undefined): LocalDate {
  let next = date;
  while (!isCarrierDay(next, holidays)) next = addDays(next, 1);
  return next;
}

/** `count` carrier days after `date` (0: the date itself). */
function addCarrierDays(date: LocalDate, count: number, holidays: ReadonlySet<string> | undefined): LocalDate {
  let current = date;
  for (let left = count; left > 0; ) {
    current = addDays(current, 1);
    if (isCarrierDay(current, holidays)) left--;
  }
  return current;
}

/** When goods finished at `finishedAt` (epoch ms) leave the factory and arrive. */
export function shipmentFor(finishedAt: number, terms: ShippingTerms): Shipment {
  const local = localParts(finishedAt, terms.timeZone);
  const finishDay: LocalDate = { year: local.year, month: local.month, day: local.day };
  const afterCutoff = local.hour * 60 + local.minute + (local.second > 0 ? 1 : 0) > terms.cutoffMinute;
  const dispatch = nextCarrierDay(afterCutoff ? addDays(finishDay, 1) : finishDay, terms.holidays);
  return { dispatchDate: dateKey(dispatch), arrivalDate: dateKey(addCarrierDays(dispatch, terms.transitDays, terms.holidays)) };
}

/**
 * The latest production finish (epoch ms) that still arrives by `arrivalDate`: the cut-off on
 * the last dispatch day that makes it. This is the jobs' due date: any later and the promise
 * breaks, any earlier is slack the scheduler may use.
 */
export function latestFinishFor(arrivalDate: string, terms: ShippingTerms): number {
  const arrival = parseDate(arrivalDate);
  // Walk back from the arrival to the latest dispatch day whose shipment arrives by then.
  let dispatch = arrival;
  for (let guard = 0; guard < 400; guard++) {
    if (isCarrierDay(dispatch, terms.holidays) && dateKey(addCarrierDays(dispatch, terms.transitDays, terms.holidays)) <= arrivalDate) {
      return zonedInstant(dispatch, terms.cutoffMinute, terms.timeZone);
    }
    dispatch = addDays(dispatch, -1);
  }
  throw new RangeError(`no carrier day within 400 days before ${arrivalDate}`);
}

/** Calendar days between two dates (b − a). */
export function daysBetween(a: string, b: string): number {
  const from = parseDate(a);
  const to = parseDate(b);
  return Math.round((Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / 86_400_000);
}

/** The local date of an instant in a time zone, "YYYY-MM-DD". */
export function localDateOf(instant: number, timeZone: string): string {
  const local = localParts(instant, timeZone);
  return dateKey({ year: local.year, month: local.month, day: local.day });
}
