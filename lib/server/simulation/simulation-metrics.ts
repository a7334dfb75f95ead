import { daysBetween, localDateOf, shipmentFor } from "@/lib/core/promise/shipping";
import type { Actor } from "@/lib/core/policy";
import { db } from "../db";
import { getLineOee } from "../lines/get-line-oee";
import { loadPromiseFactory, shippingTermsFor } from "../promise/load-promise-factory";

/**
 * What a simulation measured. A promise is kept when the goods arrive (production finish →
 * shipping, as the promise itself computes it) by the date given when the order was placed —
 * a later confirmed revision does not make a broken promise kept.
 */
export type OrderOutcome = {
  orderId: string;
  placedAt: number;
  manufacturerId: string;
  country: string;
  promisedDate: string;
  /** Calendar days from the order's day (factory time) to the promised date. */
  promisedLeadDays: number;
  completedAt: number | null;
  arrivalDate: string | null;
  /** Days late (negative: early); null while not delivered. */
  lateDays: number | null;
  kept: boolean;
};

export type FactoryUsage = { lineCode: string; availableMinutes: number; runMinutes: number; setupMinutes: number };

export type SimulationMetrics = {
  orders: number;
  keptRate: number;
  medianLeadDays: number;
  lateOrders: number;
  undelivered: number;
  utilization: number;
  setupShare: number;
  oee: number | null;
};

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export async function orderOutcomes(placed: Array<{ orderId: string; placedAt: number; manufacturerId: string; country: string; promisedDate: string }>, now: number): Promise<OrderOutcome[]> {
  const completed = await db.order.findMany({ where: { id: { in: placed.map((order) => order.orderId) } }, select: { id: true, completedAt: true } });
  const finishedAt = new Map(completed.map((order) => [order.id, order.completedAt?.getTime() ?? null]));
  const outcomes: OrderOutcome[] = [];
  for (const order of placed) {
    const factory = await loadPromiseFactory(order.manufacturerId, now);
    const terms = shippingTermsFor(factory, order.country);
    const completedAt = finishedAt.get(order.orderId) ?? null;
    const arrivalDate = completedAt === null ? null : shipmentFor(completedAt, terms).arrivalDate;
    outcomes.push({
      ...order,
      promisedLeadDays: daysBetween(localDateOf(order.placedAt, factory.timeZone), order.promisedDate),
      completedAt,
      arrivalDate,
      lateDays: arrivalDate === null ? null : daysBetween(order.promisedDate, arrivalDate),
      kept: arrivalDate !== null && arrivalDate <= order.promisedDate,
    });
  }
  return outcomes;
}

/** OEE of all lines over the measured days, from the lines' own events (the line page's figures, summed). */
export async function factoryOee(planners: Actor[], lineIds: Map<string, string[]>, days: number): Promise<number | null> {
  const totals = { plannedMs: 0, runMs: 0, idealMs: 0, good: 0, scrap: 0 };
  for (const planner of planners) {
    const manufacturerId = planner.kind === "user" ? planner.organizationId : null;
    for (const lineId of (manufacturerId && lineIds.get(manufacturerId)) || []) {
      const oee = await getLineOee(planner, lineId, days);
      for (const shift of oee.shifts) {
        totals.plannedMs += shift.plannedMs;
        totals.runMs += shift.runMs;
        totals.idealMs += shift.idealMs;
        totals.good += shift.good;
        totals.scrap += shift.scrap;
      }
    }
  }
  if (totals.plannedMs === 0 || totals.runMs === 0 || totals.good + totals.scrap === 0) return null;
  return (totals.runMs / totals.plannedMs) * Math.min(1, totals.idealMs / totals.runMs) * (totals.good / (totals.good + totals.scrap));
}

export function summarize(outcomes: OrderOutcome[], usage: FactoryUsage[], oee: number | null): SimulationMetrics {
  const kept = outcomes.filter((outcome) => outcome.kept).length;
  const available = usage.reduce((sum, line) => sum + line.availableMinutes, 0);
  const run = usage.reduce((sum, line) => sum + line.runMinutes, 0);
  const setup = usage.reduce((sum, line) => sum + line.setupMinutes, 0);
  return {
    orders: outcomes.length,
    keptRate: outcomes.length ? kept / outcomes.length : 0,
    medianLeadDays: median(outcomes.map((outcome) => outcome.promisedLeadDays)),
    lateOrders: outcomes.length - kept,
    undelivered: outcomes.filter((outcome) => outcome.completedAt === null).length,
    utilization: available ? (run + setup) / available : 0,
    setupShare: run + setup ? setup / (run + setup) : 0,
    oee,
  };
}

/** The line the simulation prints, as the issue asks for it. */
export function formatMetrics(metrics: SimulationMetrics): string {
  const percent = (value: number | null) => (value === null ? "n/a" : `${(value * 100).toFixed(1)}%`);
  return `promises kept=${percent(metrics.keptRate)} median_lead_days=${metrics.medianLeadDays} late_orders=${metrics.lateOrders} utilization=${percent(metrics.utilization)} setup_share=${percent(metrics.setupShare)} oee=${percent(metrics.oee)}`;
}
