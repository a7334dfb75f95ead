import { productionWindows } from "@/lib/core/planning/production-windows";
import { countryOfTimeZone, localDateOf, transitDaysTo, type ShippingTerms } from "@/lib/core/promise/shipping";
import { mergeWindows, type Interval } from "@/lib/core/promise/working-time";
import { db } from "../db";

/**
 * What a promise needs to know of a factory besides its plan: its promise settings, its working
 * calendar (the union of its lines' production windows, from well before now — history is
 * measured on it — to well after) and the days the carrier does not collect. It changes
 * rarely: read at most once per hour of server time per manufacturer, and again at once after
 * anything that edits a calendar calls `forgetPromiseFactory`.
 */
export type PromiseFactory = {
  manufacturerId: string;
  timeZone: string;
  country: string;
  domesticShippingDays: number;
  cutoffMinute: number;
  mode: "capable_to_promise" | "fixed_lead_time";
  fixedLeadTimeDays: number;
  confidence: number;
  quoteHoldMinutes: number;
  revisedDatePolicy: "planner_confirms" | "automatic";
  calendar: Interval[];
  holidays: Set<string>;
  loadedAt: number;
};

const TTL_MS = 3_600_000;
const PAST_MS = 90 * 86_400_000;
const FUTURE_MS = 120 * 86_400_000;

const globalForFactories = globalThis as unknown as { __promiseFactories?: Map<string, PromiseFactory> };
const cache = (globalForFactories.__promiseFactories ??= new Map());

export async function loadPromiseFactory(manufacturerId: string, now: number): Promise<PromiseFactory> {
  const cached = cache.get(manufacturerId);
  if (cached && now - cached.loadedAt < TTL_MS && now >= cached.loadedAt) return cached;
  const from = now - PAST_MS;
  const to = now + FUTURE_MS;
  const [settings, lines] = await Promise.all([
    db.factorySettings.findUnique({
      where: { manufacturerId },
      select: {
        timeZone: true, shippingDays: true, dispatchCutoffMinute: true, promiseMode: true, fixedLeadTimeDays: true, promiseConfidence: true,
        quoteHoldMinutes: true, revisedDatePolicy: true,
      },
    }),
    db.line.findMany({
      where: { manufacturerId },
      select: {
        timeZone: true,
        shifts: { select: { weekday: true, startMinute: true, endMinute: true, name: true } },
        exceptions: { where: { end: { gt: new Date(from) }, start: { lt: new Date(to) } }, select: { kind: true, start: true, end: true, note: true } },
      },
    }),
  ]);
  const timeZone = settings?.timeZone ?? "UTC";
  const windows = lines.flatMap((line) =>
    productionWindows(
      { timeZone: line.timeZone, shifts: line.shifts, exceptions: line.exceptions.map((e) => ({ kind: e.kind, start: e.start.getTime(), end: e.end.getTime(), note: e.note })) },
      from,
      to,
    ),
  );
  const factory: PromiseFactory = {
    manufacturerId,
    timeZone,
    country: countryOfTimeZone(timeZone),
    domesticShippingDays: settings?.shippingDays ?? 3,
    cutoffMinute: settings?.dispatchCutoffMinute ?? 900,
    mode: settings?.promiseMode ?? "capable_to_promise",
    fixedLeadTimeDays: settings?.fixedLeadTimeDays ?? 21,
    confidence: Math.min(0.999, Math.max(0.5, settings?.promiseConfidence ?? 0.9)),
    quoteHoldMinutes: settings?.quoteHoldMinutes ?? 15,
    revisedDatePolicy: settings?.revisedDatePolicy ?? "planner_confirms",
    calendar: mergeWindows(windows),
    holidays: carrierHolidays(lines, timeZone),
    loadedAt: now,
  };
  cache.set(manufacturerId, factory);
  return factory;
}

/** A day every line has off for a holiday is a day the carrier does not collect either. */
function carrierHolidays(lines: Array<{ exceptions: Array<{ kind: string; start: Date; end: Date }> }>, timeZone: string): Set<string> {
  if (lines.length === 0) return new Set();
  const perLine = lines.map((line) => {
    // A day counts when the holiday covers most of it, in the factory's time zone.
    const hours = new Map<string, number>();
    for (const exception of line.exceptions.filter((e) => e.kind === "holiday")) {
      for (let at = exception.start.getTime(); at < exception.end.getTime(); at += 3_600_000) {
        const day = localDateOf(at, timeZone);
        hours.set(day, (hours.get(day) ?? 0) + 1);
      }
    }
    return new Set([...hours].filter(([, count]) => count >= 12).map(([day]) => day));
  });
  return new Set([...perLine[0]!].filter((day) => perLine.every((days) => days.has(day))));
}

export function shippingTermsFor(factory: PromiseFactory, destination: string): ShippingTerms & { destination: string } {
  return {
    timeZone: factory.timeZone,
    cutoffMinute: factory.cutoffMinute,
    transitDays: transitDaysTo(destination, factory.country, factory.domesticShippingDays),
    holidays: factory.holidays,
    destination: destination.toUpperCase(),
  };
}

export function forgetPromiseFactory(manufacturerId?: string): void {
  if (manufacturerId) cache.delete(manufacturerId);
  else cache.clear();
}
