import { MOVABLE_STATUSES } from "@/lib/core/planning/planning-model";
import type { MarkLineDown } from "@/lib/core/planning/planning-schemas";
import { isoMinute, toSchedulingInstance } from "@/lib/core/planning/scheduling-instance";
import { checkSchedule } from "@/lib/core/scheduling/check-schedule";
import type { Actor } from "@/lib/core/policy";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import { clock } from "../clock";
import { db } from "../db";
import { AppError } from "../errors";
import { nudgeOutbox, writeOutboxEvents } from "../realtime/outbox";
import { boardChanged } from "./job-events";
import { loadPlanningState, requirePlanner } from "./load-planning-state";
import { startSchedulerRun } from "./scheduler-runs";

const HORIZON_MS = 28 * 86_400_000;

/**
 * A line goes down until a given time (the planner marks it; an agent's breakdown report can
 * call the same): the outage enters the line's calendar, the jobs it hits are named, and the
 * scheduler's repair mode proposes the fewest moves that absorb it (capped by the factory's
 * setting). The repair is a proposal like any other: the planner accepts or discards it.
 */
export async function markLineDown(actor: Actor, input: MarkLineDown, address: string | null) {
  const planner = requirePlanner(actor, "job.move");
  const now = clock.now().getTime();
  // Outages end on a whole minute (the scheduler's unit), rounded up: never a minute short.
  const until = Math.ceil(Date.parse(input.until) / 60_000) * 60_000;
  if (until <= now) throw new AppError("VALIDATION_FAILED", "The line must be down until a time in the future.", { status: 422, details: { fields: [{ path: "until", message: "Must be in the future." }] } });

  const outage = await db.$transaction(async (tx) => {
    const line = await tx.line.findFirst({ where: { id: input.lineId, manufacturerId: planner.organizationId }, select: { id: true, code: true, manufacturerId: true } });
    authorize(actor, "line.command", { manufacturerId: line?.manufacturerId ?? "" }, "LINE_NOT_FOUND");
    if (!line) throw new AppError("LINE_NOT_FOUND", "Not found.", { status: 404 });
    const exception = await tx.lineCalendarException.create({
      data: { lineId: line.id, kind: "maintenance", start: new Date(now), end: new Date(until), note: `Down: ${input.reason}` },
      select: { id: true },
    });
    await tx.line.update({ where: { id: line.id }, data: { status: "down", statusReason: input.reason, version: { increment: 1 } } });
    const hit = await tx.productionJob.findMany({
      where: { lineId: line.id, status: { in: ["scheduled", "queued"] }, start: { lt: new Date(until) }, end: { gt: new Date(now) } },
      select: { id: true, code: true },
    });
    await recordAudit(tx, { actor: planner, action: "line.mark-down", targetType: "line", targetId: line.id, address, details: { until: input.until, reason: input.reason, jobsHit: hit.length } });
    await writeOutboxEvents(tx, [
      { type: "line.updated", rooms: [`manufacturer:${line.manufacturerId}`, `line:${line.id}`], payload: { lineId: line.id, status: "down", statusReason: input.reason } },
      boardChanged(line.manufacturerId, "line-down", planner.userId),
    ]);
    return { line, exceptionId: exception.id, affected: hit };
  });
  nudgeOutbox();
  if (outage.affected.length === 0) return { lineId: outage.line.id, affected: [], repair: null };
  const repair = await startRepair(planner, outage.line.id, outage.exceptionId, now, until);
  return { lineId: outage.line.id, affected: outage.affected.map((job) => job.code), repair };
}

/** The plan as it stood before the outage, and the outage as a repair event. */
async function startRepair(planner: Awaited<ReturnType<typeof requirePlanner>>, lineId: string, exceptionId: string, now: number, until: number) {
  const state = await loadPlanningState(planner.organizationId, { from: now, to: now + HORIZON_MS }, { excludeExceptionIds: [exceptionId] });
  const planned = state.jobs.filter((job) => MOVABLE_STATUSES.has(job.status) && job.lineId !== null && job.start !== null && job.end !== null && job.start >= now);
  const build = toSchedulingInstance({ lines: state.lines, jobs: state.jobs, setups: state.setups, now, horizonMs: HORIZON_MS });
  if (!build.instance) return null;
  const schedule = {
    assignments: planned.map((job) => ({ jobId: job.id, lineId: job.lineId!, start: isoMinute(job.start!), end: isoMinute(job.end!), setupMinutes: job.setupMinutes ?? 0 })),
    unscheduled: build.instance.jobs.filter((job) => !planned.some((p) => p.id === job.id)).map((job) => ({ jobId: job.id, reason: "not planned yet" })),
  };
  const user = await db.user.findUniqueOrThrow({ where: { id: planner.userId }, select: { name: true } });
  const baseVersions = Object.fromEntries(state.jobs.filter((job) => build.plannedJobIds.includes(job.id)).map((job) => [job.id, job.version]));
  const common = { manufacturerId: planner.organizationId, startedBy: { userId: planner.userId, name: user.name }, timeLimitMs: 5_000, baseVersions, notes: build.notes };
  // A working plan that no longer fits its own calendar (edited by hand, time moved on) cannot
  // be repaired move by move: plan afresh instead.
  const check = checkSchedule(build.instance, schedule);
  if (!check.feasible) {
    const withOutage = await loadPlanningState(planner.organizationId, { from: now, to: now + HORIZON_MS });
    const fresh = toSchedulingInstance({ lines: withOutage.lines, jobs: withOutage.jobs, setups: withOutage.setups, now, horizonMs: HORIZON_MS });
    if (!fresh.instance) return null;
    return startSchedulerRun({
      ...common,
      kind: "solve",
      instance: fresh.instance,
      notes: [...fresh.notes, `The working plan no longer fitted the calendar (${check.violations[0] ?? "infeasible"}); this proposal plans afresh.`],
    });
  }
  return startSchedulerRun({
    ...common,
    kind: "repair",
    plan: { version: 1, instance: build.instance, schedule },
    event: { version: 1, at: isoMinute(now), disruptions: [{ type: "line-down", lineId, from: isoMinute(now), to: isoMinute(until) }] },
    maxMoves: state.settings.repairMoveCap,
  });
}
