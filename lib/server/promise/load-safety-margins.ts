import { learnSafetyMargin, type SafetyMargin } from "@/lib/core/promise/safety-margin";
import { workingMinutesBetween, type Interval } from "@/lib/core/promise/working-time";
import { epochMs, sql } from "../db/sql";

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
  const orders = await finishedOrPastDue(manufacturerId, now);
  const samples = { stock: [] as number[], supplier: [] as number[] };
  for (const order of orders) {
    const planned = order.plannedFinishAt;
    const finished = order.completedAt ?? now;
    const lateness = workingMinutesBetween(calendar, planned, finished);
    // An open order not yet late says nothing about its lateness; one already late, a lower bound.
    if (!order.completedAt && lateness <= 0) continue;
    (order.fromSuppliers ? samples.supplier : samples.stock).push(lateness);
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
 * The orders promised from a plan in the history window that finished or are past their planned
 * finish, and whether they asked suppliers for parts. Plain SQL with EXISTS: Prisma's relation
 * count grouped every parts request of the database for it (15 ms a call, twice an hour in a
 * simulation; about 1 ms this way).
 */
async function finishedOrPastDue(manufacturerId: string, now: number): Promise<Array<{ plannedFinishAt: number; completedAt: number | null; fromSuppliers: boolean }>> {
  return sql().query(
    `SELECT ${epochMs('o."plannedFinishAt"')} AS "plannedFinishAt",
            ${epochMs('o."completedAt"')} AS "completedAt",
            EXISTS (SELECT 1 FROM "PartsRequest" r WHERE r."orderId" = o."id") AS "fromSuppliers"
     FROM "Order" o
     WHERE o."manufacturerId" = $1 AND o."plannedFinishAt" IS NOT NULL AND o."placedAt" >= $2::timestamp(3)
       AND o."status" <> 'cancelled' AND (o."completedAt" IS NOT NULL OR o."plannedFinishAt" < $3::timestamp(3))`,
    [manufacturerId, new Date(now - HISTORY_MS).toISOString(), new Date(now).toISOString()],
  );
}

/**
 * Supplier promise accuracy, per order that asked suppliers for parts: how far (working minutes)
 * the latest confirmed — or revised — date of its parts falls after the day production was
 * planned to need them (0 when all came in time). Known as soon as suppliers answer.
 */
async function supplierDelays(manufacturerId: string, now: number, calendar: readonly Interval[]): Promise<number[]> {
  // Per order and day needed, the latest date: working minutes grow with the later end, so the
  // latest date of a group is its largest delay (a tenth of the rows of every request's date).
  const groups = await sql().query<{ orderId: string; neededBy: number; promisedDate: number }>(
    `SELECT r."orderId", ${epochMs('r."neededBy"')} AS "neededBy",
            ${epochMs('max(r."promisedDate")')} AS "promisedDate"
     FROM "PartsRequest" r
     WHERE r."manufacturerId" = $1 AND r."createdAt" >= $2::timestamp(3) AND r."createdAt" <= $3::timestamp(3)
       AND r."promisedDate" IS NOT NULL AND r."status" IN ('confirmed', 'received')
     GROUP BY r."orderId", r."neededBy"`,
    [manufacturerId, new Date(now - HISTORY_MS).toISOString(), new Date(now).toISOString()],
  );
  const late = new Map<string, number>();
  for (const group of groups) {
    const delay = workingMinutesBetween(calendar, group.neededBy, Math.max(group.neededBy, group.promisedDate));
    late.set(group.orderId, Math.max(late.get(group.orderId) ?? 0, delay));
  }
  return [...late.values()];
}
