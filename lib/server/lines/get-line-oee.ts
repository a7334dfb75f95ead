import { computeOee, type LineStatusValue } from "@/lib/core/oee/compute-oee";
import { shiftWindows } from "@/lib/core/oee/shift-windows";
import type { Actor } from "@/lib/core/policy";
import { clock } from "../clock";
import { db } from "../db";
import { loadLineForActor } from "./load-line-for-actor";

const DAY_MS = 86_400_000;
// Unit counts before a shift are looked up this far back (a job rarely runs longer).
const COUNT_LOOKBACK_MS = 2 * DAY_MS;

/**
 * OEE of a line per shift over the last `days`, from its stored events and its calendar. Counts
 * come from the cumulative good/scrap of each job's events, aggregated in SQL per shift, so a
 * busy line's thousands of progress events never travel to this process.
 */
export async function getLineOee(actor: Actor, lineId: string, days: number) {
  const { line } = await loadLineForActor(actor, "line.read", lineId);
  const now = clock.now().getTime();
  const from = now - days * DAY_MS;
  const calendar = await db.line.findUniqueOrThrow({
    where: { id: line.id },
    select: { timeZone: true, speed: true, agentTimeScale: true, shifts: true, exceptions: { where: { end: { gt: new Date(from) }, start: { lt: new Date(now) } } } },
  });
  const windows = shiftWindows(
    {
      timeZone: calendar.timeZone,
      shifts: calendar.shifts,
      exceptions: calendar.exceptions.map((exception) => ({ kind: exception.kind, start: exception.start.getTime(), end: exception.end.getTime(), note: exception.note })),
    },
    from,
    now,
  ).filter((window) => window.start < now);

  const shifts = [];
  for (const window of windows) {
    const start = new Date(window.start);
    const end = new Date(Math.min(window.end, now));
    const [before, changes, units] = await Promise.all([
      db.lineEvent.findFirst({ where: { lineId: line.id, type: "status", agentAt: { lte: start } }, orderBy: { agentAt: "desc" }, select: { payload: true } }),
      db.lineEvent.findMany({ where: { lineId: line.id, type: "status", agentAt: { gt: start, lt: end } }, orderBy: { agentAt: "asc" }, select: { agentAt: true, payload: true } }),
      db.$queryRaw<Array<{ jobId: string; good: number; scrap: number; goodBefore: number; scrapBefore: number; minutes: number; quantity: number }>>`
        SELECT e."jobId",
               COALESCE(MAX((e."payload"->>'good')::int) FILTER (WHERE e."agentAt" < ${end}), 0)::int AS "good",
               COALESCE(MAX((e."payload"->>'scrap')::int) FILTER (WHERE e."agentAt" < ${end}), 0)::int AS "scrap",
               COALESCE(MAX((e."payload"->>'good')::int) FILTER (WHERE e."agentAt" < ${start}), 0)::int AS "goodBefore",
               COALESCE(MAX((e."payload"->>'scrap')::int) FILTER (WHERE e."agentAt" < ${start}), 0)::int AS "scrapBefore",
               j."minutes", COALESCE(oi."quantity", 1)::int AS "quantity"
        FROM "LineEvent" e JOIN "ProductionJob" j ON j."id" = e."jobId" LEFT JOIN "OrderItem" oi ON oi."id" = j."orderItemId"
        WHERE e."lineId" = ${line.id} AND e."type" IN ('job_progress', 'job_completed', 'job_failed')
          AND e."agentAt" >= ${new Date(window.start - COUNT_LOOKBACK_MS)} AND e."agentAt" < ${end}
        GROUP BY e."jobId", j."minutes", oi."quantity"`,
    ]);
    const oee = computeOee({
      window: { start: window.start, end: window.end },
      plannedStops: window.plannedStops,
      now,
      initialStatus: ((before?.payload as { status?: LineStatusValue } | undefined)?.status ?? null),
      statusChanges: changes.map((change) => ({ at: change.agentAt.getTime(), status: (change.payload as { status: LineStatusValue }).status })),
      units: units.map((unit) => ({
        good: Math.max(0, unit.good - unit.goodBefore),
        scrap: Math.max(0, unit.scrap - unit.scrapBefore),
        idealUnitMinutes: unit.minutes / Math.max(unit.quantity, 1) / calendar.speed,
      })),
      timeScale: calendar.agentTimeScale,
    });
    shifts.push({ label: window.label, start: start.toISOString(), end: new Date(window.end).toISOString(), inProgress: window.end > now, ...oee });
  }
  return { lineId: line.id, timeZone: calendar.timeZone, shifts };
}

export type LineOee = Awaited<ReturnType<typeof getLineOee>>;
