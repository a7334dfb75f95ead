import { clock } from "../clock";
import { db } from "../db";
import { conflict } from "../errors";

const LEASE_MS = 30_000;

/**
 * One scheduler run or plan publish at a time per manufacturer, across every app process:
 * a lease on the manufacturer's settings row, taken by a conditional update (atomic on
 * PostgreSQL and PGlite alike), renewed while the work runs and expiring if its process dies.
 */
export async function acquirePlanningLease(manufacturerId: string, holder: string): Promise<void> {
  const now = clock.now();
  await db.factorySettings.upsert({ where: { manufacturerId }, create: { manufacturerId }, update: {} });
  const taken = await db.factorySettings.updateMany({
    where: { manufacturerId, OR: [{ planningLeaseUntil: null }, { planningLeaseUntil: { lt: now } }, { planningLeaseHolder: holder }] },
    data: { planningLeaseHolder: holder, planningLeaseUntil: new Date(now.getTime() + LEASE_MS), schedulerStopRequested: false },
  });
  if (taken.count === 0) {
    const current = await db.factorySettings.findUnique({ where: { manufacturerId }, select: { planningLeaseHolder: true } });
    const who = current?.planningLeaseHolder?.split("|")[1];
    throw conflict("PLANNING_BUSY", `The scheduler or a publish is already running for your factory${who ? ` (started by ${who})` : ""}. Wait for it or stop it.`);
  }
}

/** Extends the lease; tells the caller whether someone asked the run to stop. */
export async function renewPlanningLease(manufacturerId: string, holder: string): Promise<{ held: boolean; stopRequested: boolean }> {
  const now = clock.now();
  const renewed = await db.factorySettings.updateMany({
    where: { manufacturerId, planningLeaseHolder: holder },
    data: { planningLeaseUntil: new Date(now.getTime() + LEASE_MS) },
  });
  const settings = await db.factorySettings.findUnique({ where: { manufacturerId }, select: { schedulerStopRequested: true } });
  return { held: renewed.count === 1, stopRequested: settings?.schedulerStopRequested ?? false };
}

export async function releasePlanningLease(manufacturerId: string, holder: string): Promise<void> {
  await db.factorySettings.updateMany({
    where: { manufacturerId, planningLeaseHolder: holder },
    data: { planningLeaseHolder: null, planningLeaseUntil: null, schedulerStopRequested: false },
  });
}

export function leaseHolder(kind: "run" | "publish", id: string, userName: string): string {
  return `${kind}:${id}|${userName.replace(/\|/g, " ")}`;
}

/** Who holds the lease now (for the board: "the scheduler is running, started by …"). */
export async function currentPlanningLease(manufacturerId: string): Promise<{ kind: string; id: string; by: string } | null> {
  const settings = await db.factorySettings.findUnique({ where: { manufacturerId }, select: { planningLeaseHolder: true, planningLeaseUntil: true } });
  if (!settings?.planningLeaseHolder || !settings.planningLeaseUntil || settings.planningLeaseUntil < clock.now()) return null;
  const [kindAndId, by] = settings.planningLeaseHolder.split("|");
  const [kind, id] = (kindAndId ?? "").split(":");
  return { kind: kind ?? "", id: id ?? "", by: by ?? "" };
}
