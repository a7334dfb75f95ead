import type { PlanningJob, PlanningLine, SetupTable } from "@/lib/core/planning/planning-model";
import { productionWindows } from "@/lib/core/planning/production-windows";
import type { Actor, UserActor } from "@/lib/core/policy";
import { authorize } from "../auth/authorize";
import { db, type Tx } from "../db";
import { epochMs } from "../db/sql";

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
  // One statement (JSON per part), in the caller's transaction or on its own: this runs for
  // every scheduler run, repair, move and promise rebuild, and as seven Prisma queries its
  // reads and their rows' conversion were most of a rebuild.
  const [state] = await client.$queryRawUnsafe<StateRow[]>(
    PLANNING_STATE_STATEMENT,
    manufacturerId,
    new Date(range.from).toISOString(),
    new Date(range.to).toISOString(),
    scoped ? options.onlyLineIds! : null,
    new Date(range.from - DONE_KEEP_MS).toISOString(),
    options.alsoJobIds ?? [],
  );
  const { lines, jobs, setups: setupRows, settings, publishedVersion } = state!;

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
            .map((exception) => ({ kind: exception.kind, start: exception.start, end: exception.end, note: exception.note })),
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
      release: job.release,
      due: job.due,
      weight: job.weight,
      status: job.status,
      lineId: job.lineId,
      start: job.start,
      end: job.end,
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
    publishedVersion,
  };
}

type StateRow = {
  lines: Array<
    Omit<PlanningLine, "windows"> & {
      timeZone: string;
      shifts: Array<{ weekday: number; startMinute: number; endMinute: number; name: string }>;
      exceptions: Array<{ id: string; kind: "maintenance" | "holiday" | "extra_shift"; start: number; end: number; note: string }>;
    }
  >;
  jobs: PlanningJob[];
  setups: Array<{ fromFamily: string; toFamily: string; minutes: number }>;
  settings: { setupDefaultMinutes: number; schedulerTimeLimitSeconds: number; repairMoveCap: number; timeZone: string } | null;
  publishedVersion: number | null;
};

/**
 * $1 manufacturer, [$2, $3) the range exceptions must meet, $4 only these lines (null: all),
 * $5 done jobs count from this end, $6 jobs wanted whatever their line. Orders as the board
 * and the scheduler expect: lines by code, jobs by start then code.
 */
const PLANNING_STATE_STATEMENT = `
SELECT
  COALESCE((
    SELECT json_agg(json_build_object(
      'id', l."id", 'code', l."code", 'name', l."name", 'capabilities', l."capabilities", 'speed', l."speed", 'timeZone', l."timeZone",
      'currentFamily', l."currentFamily", 'status', l."status"::text, 'online', l."online",
      'shifts', COALESCE((SELECT json_agg(json_build_object('weekday', s."weekday", 'startMinute', s."startMinute", 'endMinute', s."endMinute", 'name', s."name"))
                          FROM "LineShift" s WHERE s."lineId" = l."id"), '[]'::json),
      'exceptions', COALESCE((SELECT json_agg(json_build_object('id', e."id", 'kind', e."kind"::text, 'start', ${epochMs('e."start"')}, 'end', ${epochMs('e."end"')}, 'note', e."note"))
                              FROM "LineCalendarException" e
                              WHERE e."lineId" = l."id" AND e."end" > $2::timestamp(3) AND e."start" < $3::timestamp(3)), '[]'::json)
    ) ORDER BY l."code")
    FROM "Line" l WHERE l."manufacturerId" = $1::text AND ($4::text[] IS NULL OR l."id" = ANY($4::text[]))
  ), '[]'::json) AS "lines",
  COALESCE((
    SELECT json_agg(json_build_object(
      'id', j."id", 'code', j."code", 'family', j."family", 'requires', j."requires", 'minutes', j."minutes",
      'release', ${epochMs('j."release"')}, 'due', ${epochMs('j."due"')}, 'weight', j."weight", 'status', j."status"::text, 'lineId', j."lineId",
      'start', ${epochMs('j."start"')}, 'end', ${epochMs('j."end"')}, 'setupMinutes', j."setupMinutes", 'locked', j."locked", 'progress', j."progress", 'version', j."version"
    ) ORDER BY j."start", j."code")
    FROM "ProductionJob" j
    WHERE j."manufacturerId" = $1::text
      AND (j."status" IN ('waiting_parts', 'ready', 'scheduled', 'queued', 'running', 'failed') OR (j."status" = 'done' AND j."end" >= $5::timestamp(3)))
      AND ($4::text[] IS NULL OR j."lineId" = ANY($4::text[]) OR j."id" = ANY($6::text[]))
  ), '[]'::json) AS "jobs",
  COALESCE((SELECT json_agg(json_build_object('fromFamily', t."fromFamily", 'toFamily', t."toFamily", 'minutes', t."minutes"))
            FROM "SetupTime" t WHERE t."manufacturerId" = $1::text), '[]'::json) AS "setups",
  (SELECT json_build_object('setupDefaultMinutes', f."setupDefaultMinutes", 'schedulerTimeLimitSeconds', f."schedulerTimeLimitSeconds",
                            'repairMoveCap', f."repairMoveCap", 'timeZone', f."timeZone")
   FROM "FactorySettings" f WHERE f."manufacturerId" = $1::text) AS "settings",
  (SELECT p."version" FROM "Plan" p WHERE p."manufacturerId" = $1::text AND p."status" = 'published' ORDER BY p."version" DESC LIMIT 1) AS "publishedVersion"`;
