import { MOVABLE_STATUSES } from "@/lib/core/planning/planning-model";
import { isoMinute, toSchedulingInstance } from "@/lib/core/planning/scheduling-instance";
import { checkSchedule } from "@/lib/core/scheduling/check-schedule";
import type { Disruption as RepairDisruption } from "@/lib/core/scheduling/repair-event-schema";
import type { Schedule } from "@/lib/core/scheduling/schedule-schema";
import { clock } from "../clock";
import { db } from "../db";
import { nudgeOutbox } from "../realtime/outbox";
import { loadPlanningState } from "../planning/load-planning-state";
import { saveProposal } from "../planning/save-proposal";
import { callPromiseWorker } from "./promise-worker-client";
import { markPromiseBaseStale } from "./promise-base";
import { reviewOrderPromises } from "./review-order-promises";

/**
 * Closes the loop after a disruption (a line went down, a supplier slipped): the working plan
 * is repaired with the fewest moves (the scheduler's repair, in the promise worker), the repair
 * becomes the planner's proposal, and every order whose date the repaired plan no longer keeps
 * is flagged with the cause — and, by the factory's policy, told its new date at once.
 */
export type Disruption =
  | { kind: "line-down"; lineId: string; until: number; exceptionId: string; cause: string; byUserId?: string }
  | { kind: "release-moved"; orderId: string; cause: string };

export type RepairOptions = { timeLimitMs?: number; iterationLimit?: number };

/**
 * How long repairs may think. The app gives them time; a simulation gives them a step count, so
 * a repair is the same on every run (its seed follows the manufacturer and the moment).
 */
const globalForRepairs = globalThis as unknown as { __disruptionRepairBudget?: RepairOptions };

export function setDisruptionRepairBudget(budget: RepairOptions | undefined): void {
  globalForRepairs.__disruptionRepairBudget = budget;
}

export type RepairOutcome = { proposalId: string | null; moved: number; reviewed: number; revised: string[] };

const HORIZON_MS = 28 * 86_400_000;

export async function repairAfterDisruption(manufacturerId: string, disruption: Disruption): Promise<RepairOutcome> {
  const options = globalForRepairs.__disruptionRepairBudget ?? {};
  const now = clock.now().getTime();
  markPromiseBaseStale(manufacturerId);
  // The plan as it stood before the event: without the outage, with the order's old releases.
  const state = await loadPlanningState(manufacturerId, { from: now, to: now + HORIZON_MS }, { excludeExceptionIds: disruption.kind === "line-down" ? [disruption.exceptionId] : [] });
  const orderJobs = disruption.kind === "release-moved" ? await jobsOfOrder(disruption.orderId) : new Map<string, number>();
  const planned = state.jobs.filter((job) => MOVABLE_STATUSES.has(job.status) && job.lineId !== null && job.start !== null && job.end !== null && job.start >= now);
  const jobs = state.jobs.map((job) => (orderJobs.has(job.id) && job.start !== null ? { ...job, release: Math.min(job.release, job.start) } : job));
  const build = toSchedulingInstance({ lines: state.lines, jobs, setups: state.setups, now, horizonMs: HORIZON_MS });
  if (!build.instance) return { proposalId: null, moved: 0, reviewed: 0, revised: [] };
  const inInstance = new Set(build.instance.jobs.map((job) => job.id));
  const assignments = planned.filter((job) => inInstance.has(job.id)).map((job) => ({ jobId: job.id, lineId: job.lineId!, start: isoMinute(job.start!), end: isoMinute(job.end!), setupMinutes: job.setupMinutes ?? 0 }));
  const assigned = new Set(assignments.map((assignment) => assignment.jobId));
  const schedule: Schedule = {
    assignments,
    unscheduled: build.instance.jobs.filter((job) => !assigned.has(job.id)).map((job) => ({ jobId: job.id, reason: "not planned yet" })),
  };
  const disruptions: RepairDisruption[] =
    disruption.kind === "line-down"
      ? [{ type: "line-down", lineId: disruption.lineId, from: isoMinute(now), to: isoMinute(Math.ceil(disruption.until / 60_000) * 60_000) }]
      : [...orderJobs].filter(([jobId]) => inInstance.has(jobId)).map(([jobId, release]) => ({ type: "release-moved" as const, jobId, release: isoMinute(Math.ceil(Math.max(release, now) / 60_000) * 60_000) }));
  const affected = new Set<string>(orderJobs.keys());
  let repaired: Schedule | null = null;
  let proposalId: string | null = null;
  let moved: string[] = [];
  const feasible = schedule.assignments.length > 0 && disruptions.length > 0 && checkSchedule(build.instance, schedule).feasible;
  if (feasible) {
    const reply = await callPromiseWorker({
      type: "repair",
      plan: { version: 1, instance: build.instance, schedule },
      event: { version: 1, at: isoMinute(now), disruptions },
      options: { timeLimitMs: options.timeLimitMs ?? 5_000, iterationLimit: options.iterationLimit, seed: `${manufacturerId}|${now}`, maxMoves: state.settings.repairMoveCap },
    });
    if (reply.type !== "repair") throw new Error(`the promise worker answered ${reply.type} to a repair`);
    repaired = reply.result.plan.schedule;
    moved = reply.result.moved.map((move) => move.jobId);
    for (const jobId of [...moved, ...reply.result.displaced]) affected.add(jobId);
    const createdById = (disruption.kind === "line-down" ? disruption.byUserId : undefined) ?? (await plannerOf(manufacturerId));
    if (createdById) {
      const baseVersions = Object.fromEntries(state.jobs.filter((job) => build.plannedJobIds.includes(job.id)).map((job) => [job.id, job.version]));
      proposalId = await saveProposal({
        manufacturerId,
        createdById,
        source: "repair",
        schedule: repaired,
        objective: reply.result.objective,
        baseVersions,
        notes: [`Repaired automatically after: ${disruption.cause}.`, ...build.notes, ...reply.result.notes],
        elapsedMs: reply.result.elapsedMs,
        iterations: reply.result.iterations,
        moved,
      });
      nudgeOutbox();
    }
  }
  if (!feasible && disruption.kind === "line-down" && schedule.assignments.length > 0) {
    // A working plan that no longer fits its own calendar cannot be repaired move by move: plan afresh.
    const after = await loadPlanningState(manufacturerId, { from: now, to: now + HORIZON_MS });
    const fresh = toSchedulingInstance({ lines: after.lines, jobs: after.jobs, setups: after.setups, now, horizonMs: HORIZON_MS });
    if (fresh.instance && fresh.instance.jobs.length > 0) {
      const reply = await callPromiseWorker({ type: "solve", instance: fresh.instance, options: { timeLimitMs: options.timeLimitMs ?? 5_000, iterationLimit: options.iterationLimit, seed: `${manufacturerId}|${now}` } });
      if (reply.type !== "solve") throw new Error(`the promise worker answered ${reply.type} to a solve`);
      repaired = reply.result.schedule;
      const createdById = (disruption.kind === "line-down" ? disruption.byUserId : undefined) ?? (await plannerOf(manufacturerId));
      if (createdById) {
        const baseVersions = Object.fromEntries(after.jobs.filter((job) => fresh.plannedJobIds.includes(job.id)).map((job) => [job.id, job.version]));
        proposalId = await saveProposal({
          manufacturerId, createdById, source: "scheduler", schedule: repaired, objective: reply.result.objective, baseVersions,
          notes: [`Planned afresh after: ${disruption.cause} (the working plan no longer fitted the calendar).`, ...fresh.notes],
          elapsedMs: reply.result.elapsedMs, iterations: reply.result.iterations,
        });
        nudgeOutbox();
      }
      for (const assignment of repaired.assignments) affected.add(assignment.jobId);
    }
  }
  const review = await reviewOrderPromises(manufacturerId, {
    schedule: repaired ?? schedule,
    affectedJobIds: [...affected],
    cause: disruption.cause,
    now,
  });
  return { proposalId, moved: moved.length, reviewed: review.reviewed, revised: review.revised };
}

/**
 * The order's jobs not yet started, with their (new) release — in code order: the repair takes
 * its disruptions in this order, and a seeded repair must not depend on how the database
 * happens to return rows (an index changed that).
 */
async function jobsOfOrder(orderId: string): Promise<Map<string, number>> {
  const jobs = await db.productionJob.findMany({
    where: { orderItem: { orderId }, status: { in: ["ready", "scheduled", "queued"] } },
    orderBy: { code: "asc" },
    select: { id: true, release: true },
  });
  return new Map(jobs.map((job) => [job.id, job.release.getTime()]));
}

/** Proposals are made on behalf of the factory's planners (the first one, for the record). */
async function plannerOf(manufacturerId: string): Promise<string | null> {
  const planner = await db.user.findFirst({ where: { organizationId: manufacturerId, role: "planner", active: true }, orderBy: { createdAt: "asc" }, select: { id: true } });
  return planner?.id ?? null;
}
