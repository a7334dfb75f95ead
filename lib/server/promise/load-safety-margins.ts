import { learnSafetyMargin, type SafetyMargin } from "@/lib/core/promise/safety-margin";
import { workingMinutesBetween, type Interval } from "@/lib/core/promise/working-time";
import { db } from "../db";

/**
 * The safety margins a manufacturer's promises add, learned from its own history: for every
 * order promised by capable-to-promise in the last 90 days, how late (in working minutes) it
 * finished against the planned finish it was promised on. An order still open past its planned
 * finish counts with its lateness so far (it will be at least that late), so slow orders weigh
 * in before they end. Orders that waited for suppliers and orders made from stock are learned
 * apart: supplier promise accuracy is what separates them; both carry line performance. The
 * supplier margin also covers how late suppliers' dates fell after the day their parts were
 * needed (see `supplierDelays`), which is known long before those orders finish.
 */
export type SafetyMargins = { stock: SafetyMargin; supplier: SafetyMargin; loadedAt: number };

/** Margins before there is history, working minutes: half a shift from stock, a day from suppliers. */
export const PRIOR_MARGIN_MINUTES = { stock: 240, supplier: 960 };

const TTL_MS = 3_600_000;
const HISTORY_MS = 90 * 86_400_000;

const globalForMargins = globalThis as unknown as { __promiseMargins?: Map<string, SafetyMargins> };
const cache = (globalForMargins.__promiseMargins ??= new Map());

export async function loadSafetyMargins(manufacturerId: string, now: number, calendar: readonly Interval[], level: number): Promise<SafetyMargins> {
  const cached = cache.get(manufacturerId);
  if (cached && now - cached.loadedAt < TTL_MS && now >= cached.loadedAt && cached.stock.level === level) return cached;
  const orders = await db.order.findMany({
    where: {
      manufacturerId,
      plannedFinishAt: { not: null },
      placedAt: { gte: new Date(now - HISTORY_MS) },
      status: { not: "cancelled" },
      OR: [{ completedAt: { not: null } }, { plannedFinishAt: { lt: new Date(now) } }],
    },
    select: { plannedFinishAt: true, completedAt: true, _count: { select: { partsRequests: true } } },
  });
  const samples = { stock: [] as number[], supplier: [] as number[] };
  for (const order of orders) {
    const planned = order.plannedFinishAt!.getTime();
    const finished = order.completedAt?.getTime() ?? now;
    const lateness = workingMinutesBetween(calendar, planned, finished);
    // An open order not yet late says nothing about its lateness; one already late, a lower bound.
    if (!order.completedAt && lateness <= 0) continue;
    (order._count.partsRequests > 0 ? samples.supplier : samples.stock).push(lateness);
  }
  const fromLateness = learnSafetyMargin({ samples: samples.supplier, level, priorMinutes: PRIOR_MARGIN_MINUTES.supplier });
  const fromSuppliers = learnSafetyMargin({ samples: await supplierDelays(manufacturerId, now, calendar), level, priorMinutes: PRIOR_MARGIN_MINUTES.supplier });
  const margins: SafetyMargins = {
    stock: learnSafetyMargin({ samples: samples.stock, level, priorMinutes: PRIOR_MARGIN_MINUTES.stock }),
    // Whichever asks for more: finished orders carry everything but come weeks late; supplier
    // answers come within hours of an order and say how far its parts missed the plan.
    supplier: fromSuppliers.minutes > fromLateness.minutes ? fromSuppliers : fromLateness,
    loadedAt: now,
  };
  cache.set(manufacturerId, margins);
  return margins;
}

export function forgetSafetyMargins(): void {
  cache.clear();
}

/**
 * Supplier promise accuracy, per order that asked suppliers for parts: how far (working minutes)
 * the latest confirmed — or revised — date of its parts falls after the day production was
 * planned to need them (0 when all came in time). Known as soon as suppliers answer.
 */
async function supplierDelays(manufacturerId: string, now: number, calendar: readonly Interval[]): Promise<number[]> {
  // Per order and day needed, the latest date: working minutes grow with the later end, so the
  // latest date of a group is its largest delay (a tenth of the rows of every request's date).
  const groups = await db.partsRequest.groupBy({
    by: ["orderId", "neededBy"],
    where: { manufacturerId, createdAt: { gte: new Date(now - HISTORY_MS), lte: new Date(now) }, promisedDate: { not: null }, status: { in: ["confirmed", "received"] } },
    _max: { promisedDate: true },
  });
  const late = new Map<string, number>();
  for (const group of groups) {
    const needed = group.neededBy.getTime();
    const delay = workingMinutesBetween(calendar, needed, Math.max(needed, group._max.promisedDate!.getTime()));
    late.set(group.orderId, Math.max(late.get(group.orderId) ?? 0, delay));
  }
  return [...late.values()];
}
