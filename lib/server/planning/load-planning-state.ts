import type { PlanningJob, PlanningLine, SetupTable } from "@/lib/core/planning/planning-model";
import { productionWindows } from "@/lib/core/planning/production-windows";
import type { Actor, UserActor } from "@/lib/core/policy";
import { authorize } from "../auth/authorize";
import { db, type Tx } from "../db";

export type JobDetails = {
  orderId: string | null;
  orderNumber: string | null;
  productName: string | null;
  configuration: Record<string, unknown> | null;
  partsStatus: "from stock" | "waiting" | "confirmed" | "received" | null;
};

export type PlanningState = {
  manufacturerId: string;
  lines: PlanningLine[];
  jobs: PlanningJob[];
  details: Record<string, JobDetails>;
  setups: SetupTable;
  settings: { schedulerTimeLimitSeconds: number; repairMoveCap: number; timeZone: string };
  publishedVersion: number | null;
};

/** The statuses the board shows: everything not cancelled, finished jobs only while recent. */
const DONE_KEEP_MS = 2 * 86_400_000;

/** Authorizes the actor for `action` on their own manufacturer and returns it. */
export function requirePlanner(actor: Actor, action: "board.read" | "job.move" | "job.lock" | "plan.run" | "plan.publish"): UserActor & { organizationId: string } {
  const manufacturerId = actor.kind === "user" ? (actor.organizationId ?? undefined) : undefined;
  authorize(actor, action, { manufacturerId });
  return actor as UserActor & { organizationId: string };
}

/**
 * The manufacturer's planning state: lines with their production windows over [from, to),
 * every job that is or may be planned, the setup matrix. Read in one go (or inside the
 * caller's transaction) so a decision sees one consistent picture.
 */
export async function loadPlanningState(
  manufacturerId: string,
  range: { from: number; to: number },
  options: {
    tx?: Tx;
    excludeExceptionIds?: string[];
    /** Only these lines and the jobs on them (plus `alsoJobIds`): a move needs no more. */
    onlyLineIds?: string[];
    alsoJobIds?: string[];
    /**
     * Order, product and parts details for the board's job cards. Not needed to decide
     * anything, and the costliest part of the read (every order's parts requests): only the
     * board asks for them.
     */
    withDetails?: boolean;
  } = {},
): Promise<PlanningState> {
  const client = options.tx ?? db;
  const scoped = options.onlyLineIds !== undefined;
  const withDetails = options.withDetails ?? false;
  const [lines, jobs, setupRows, settings, published] = await Promise.all([
    client.line.findMany({
      where: { manufacturerId, ...(scoped ? { id: { in: options.onlyLineIds } } : {}) },
      orderBy: { code: "asc" },
      select: {
        id: true, code: true, name: true, capabilities: true, speed: true, timeZone: true, currentFamily: true, status: true, online: true,
        shifts: { select: { weekday: true, startMinute: true, endMinute: true, name: true } },
        exceptions: { where: { end: { gt: new Date(range.from) }, start: { lt: new Date(range.to) } }, select: { id: true, kind: true, start: true, end: true, note: true } },
      },
    }),
    client.productionJob.findMany({
      where: {
        manufacturerId,
        OR: [{ status: { in: ["waiting_parts", "ready", "scheduled", "queued", "running", "failed"] } }, { status: "done", end: { gte: new Date(range.from - DONE_KEEP_MS) } }],
        ...(scoped ? { AND: [{ OR: [{ lineId: { in: options.onlyLineIds } }, { id: { in: options.alsoJobIds ?? [] } }] }] } : {}),
      },
      orderBy: [{ start: "asc" }, { code: "asc" }],
      select: {
        id: true, code: true, family: true, requires: true, minutes: true, release: true, due: true, weight: true, status: true,
        lineId: true, start: true, end: true, setupMinutes: true, locked: true, progress: true, version: true,
      },
    }),
    client.setupTime.findMany({ where: { manufacturerId }, select: { fromFamily: true, toFamily: true, minutes: true } }),
    client.factorySettings.findUnique({ where: { manufacturerId }, select: { setupDefaultMinutes: true, schedulerTimeLimitSeconds: true, repairMoveCap: true, timeZone: true } }),
    client.plan.findFirst({ where: { manufacturerId, status: "published" }, orderBy: { version: "desc" }, select: { version: true } }),
  ]);

  const matrix: SetupTable["matrix"] = {};
  for (const row of setupRows) (matrix[row.fromFamily] ??= {})[row.toFamily] = row.minutes;
  const excluded = new Set(options.excludeExceptionIds ?? []);
  const details: Record<string, JobDetails> = {};
  const withOrders = withDetails
    ? await client.productionJob.findMany({
        where: { id: { in: jobs.map((job) => job.id) }, orderItemId: { not: null } },
        select: {
          id: true,
          orderItem: {
            select: {
              configuration: true,
              product: { select: { name: true } },
              order: { select: { id: true, number: true, partsRequests: { select: { status: true } } } },
            },
          },
        },
      })
    : [];
  const orderItemOf = new Map(withOrders.map((row) => [row.id, row.orderItem]));
  for (const job of withDetails ? jobs : []) {
    const orderItem = orderItemOf.get(job.id) ?? null;
    const order = orderItem?.order ?? null;
    const statuses = order?.partsRequests.map((request) => request.status) ?? [];
    details[job.id] = {
      orderId: order?.id ?? null,
      orderNumber: order?.number ?? null,
      productName: orderItem?.product.name ?? null,
      configuration: (orderItem?.configuration as Record<string, unknown> | undefined) ?? null,
      partsStatus: !order
        ? null
        : statuses.length === 0
          ? "from stock"
          : statuses.some((status) => status === "requested")
            ? "waiting"
            : statuses.every((status) => status === "received" || status === "withdrawn" || status === "rejected")
              ? "received"
              : "confirmed",
    };
  }
  return {
    manufacturerId,
    lines: lines.map((line) => ({
      id: line.id,
      code: line.code,
      name: line.name,
      capabilities: line.capabilities,
      speed: line.speed,
      currentFamily: line.currentFamily,
      status: line.status,
      online: line.online,
      windows: productionWindows(
        {
          timeZone: line.timeZone,
          shifts: line.shifts,
          exceptions: line.exceptions
            .filter((exception) => !excluded.has(exception.id))
            .map((exception) => ({ kind: exception.kind, start: exception.start.getTime(), end: exception.end.getTime(), note: exception.note })),
        },
        range.from,
        range.to,
      ),
    })),
    jobs: jobs.map((job) => ({
      id: job.id,
      code: job.code,
      family: job.family,
      requires: job.requires,
      minutes: job.minutes,
      release: job.release.getTime(),
      due: job.due.getTime(),
      weight: job.weight,
      status: job.status,
      lineId: job.lineId,
      start: job.start?.getTime() ?? null,
      end: job.end?.getTime() ?? null,
      setupMinutes: job.setupMinutes,
      locked: job.locked,
      progress: job.progress,
      version: job.version,
    })),
    details,
    setups: { defaultMinutes: settings?.setupDefaultMinutes ?? 30, matrix },
    settings: {
      schedulerTimeLimitSeconds: settings?.schedulerTimeLimitSeconds ?? 10,
      repairMoveCap: settings?.repairMoveCap ?? 50,
      timeZone: settings?.timeZone ?? "UTC",
    },
    publishedVersion: published?.version ?? null,
  };
}
