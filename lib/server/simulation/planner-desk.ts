import { MOVABLE_STATUSES } from "@/lib/core/planning/planning-model";
import { isoMinute, toSchedulingInstance } from "@/lib/core/planning/scheduling-instance";
import type { Actor } from "@/lib/core/policy";
import { checkSchedule } from "@/lib/core/scheduling/check-schedule";
import type { Objective } from "@/lib/core/scheduling/objective";
import type { Schedule } from "@/lib/core/scheduling/schedule-schema";
import { clock } from "../clock";
import { db } from "../db";
import { AppError } from "../errors";
import { buildLineQueue } from "../lines/build-line-queue";
import { decideProposal } from "../planning/decide-proposal";
import { loadPlanningState } from "../planning/load-planning-state";
import { markLineDown } from "../planning/mark-line-down";
import { publishPlan } from "../planning/publish-plan";
import { saveProposal } from "../planning/save-proposal";
import { settleFollowUps } from "../promise/follow-ups";
import { callPromiseWorker } from "../promise/promise-worker-client";
import type { SimulatedLine } from "./simulated-line";
import { WORLD } from "./simulation-config";

const HORIZON_MS = 28 * 86_400_000;

/**
 * The planners of the simulation, through the planning use cases: every morning before the
 * first shift a full scheduler run; every few hours the new work inserted into the plan with
 * the scheduler's repair (jobs added, fewest moves); a breakdown marked at once (its repair
 * proposal and the promise review follow); every proposal accepted and published, and each
 * line given its queue. The scheduler runs in the promise worker with a step limit and a seed.
 */
export class PlannerDesk {
  readonly counts = { solves: 0, inserts: 0, repairs: 0, publishes: 0 };

  constructor(
    private readonly planners: Map<string, { actor: Actor & { kind: "user" }; userId: string }>,
    private readonly lines: Map<string, SimulatedLine>,
    private readonly iterations: { solve: number; repair: number },
  ) {}

  /** A full scheduler run (morning) or the new jobs inserted (during the day). */
  async plan(manufacturerId: string, kind: "full" | "insert"): Promise<void> {
    const now = clock.now().getTime();
    if (kind === "insert" && !(await this.waitsForPlace(manufacturerId, now))) return;
    const state = await loadPlanningState(manufacturerId, { from: now, to: now + HORIZON_MS });
    const build = toSchedulingInstance({ lines: state.lines, jobs: state.jobs, setups: state.setups, now, horizonMs: HORIZON_MS });
    if (!build.instance || build.instance.jobs.length === 0) return;
    const inInstance = new Set(build.instance.jobs.map((job) => job.id));
    const planned = state.jobs.filter((job) => inInstance.has(job.id) && MOVABLE_STATUSES.has(job.status) && job.lineId !== null && job.start !== null && job.end !== null && job.start >= now);
    const plannedIds = new Set(planned.map((job) => job.id));
    const added = build.instance.jobs.filter((job) => !plannedIds.has(job.id) && !job.pinned);
    if (kind === "insert" && added.length === 0) return;
    const seed = `${manufacturerId}|${now}`;
    const baseVersions = Object.fromEntries(state.jobs.filter((job) => inInstance.has(job.id)).map((job) => [job.id, job.version]));
    let result: { schedule: Schedule; objective: Objective; elapsedMs: number; iterations: number; moved?: string[] } | null = null;
    if (kind === "insert" && planned.length > 0) {
      const plan = {
        version: 1 as const,
        instance: { ...build.instance, jobs: build.instance.jobs.filter((job) => !added.includes(job)) },
        schedule: {
          assignments: planned.map((job) => ({ jobId: job.id, lineId: job.lineId!, start: isoMinute(job.start!), end: isoMinute(job.end!), setupMinutes: job.setupMinutes ?? 0 })),
          unscheduled: [],
        },
      };
      if (checkSchedule(plan.instance, plan.schedule).feasible) {
        const reply = await callPromiseWorker({
          type: "repair",
          plan,
          event: { version: 1, at: isoMinute(Math.ceil(now / 60_000) * 60_000), disruptions: [{ type: "jobs-added", jobs: added }] },
          options: { timeLimitMs: 600_000, iterationLimit: this.iterations.repair, seed, maxMoves: state.settings.repairMoveCap },
        });
        if (reply.type !== "repair") throw new Error(`unexpected ${reply.type}`);
        result = { schedule: reply.result.plan.schedule, objective: reply.result.objective, elapsedMs: reply.result.elapsedMs, iterations: reply.result.iterations, moved: reply.result.moved.map((move) => move.jobId) };
        this.counts.inserts++;
      }
    }
    if (!result) {
      const reply = await callPromiseWorker({ type: "solve", instance: build.instance, options: { timeLimitMs: 600_000, iterationLimit: this.iterations.solve, seed } });
      if (reply.type !== "solve") throw new Error(`unexpected ${reply.type}`);
      result = reply.result;
      this.counts.solves++;
    }
    const planner = this.planner(manufacturerId);
    await saveProposal({
      manufacturerId,
      createdById: planner.userId,
      source: kind === "full" ? "scheduler" : "repair",
      schedule: result.schedule,
      objective: result.objective,
      baseVersions,
      notes: build.notes,
      elapsedMs: result.elapsedMs,
      iterations: result.iterations,
      moved: result.moved,
    });
    await this.acceptAndPublish(manufacturerId);
  }

  /** A line reported a breakdown: the planner marks it down for the usual repair time. */
  async breakdown(manufacturerId: string, lineId: string, reason: string): Promise<void> {
    const now = clock.now().getTime();
    const outcome = await markLineDown(this.planner(manufacturerId).actor, { lineId, until: new Date(now + WORLD.breakdownMinutes * 60_000).toISOString(), reason }, null);
    await settleFollowUps();
    this.counts.repairs++;
    if (outcome.repair) await this.acceptAndPublish(manufacturerId);
  }

  /** Accepts the open proposal (a repair that followed a disruption, or a run) and publishes. */
  async acceptAndPublish(manufacturerId: string): Promise<void> {
    const planner = this.planner(manufacturerId);
    const proposal = await db.plan.findFirst({ where: { manufacturerId, status: "proposal" }, orderBy: { createdAt: "desc" }, select: { id: true } });
    if (!proposal) return;
    try {
      await decideProposal(planner.actor, { planId: proposal.id, decision: "accept" }, null);
      await publishPlan(planner.actor, null);
      this.counts.publishes++;
    } catch (error) {
      // A proposal overtaken by events, or nothing to publish: the next run plans again.
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      await db.plan.updateMany({ where: { id: proposal.id, status: "proposal" }, data: { status: "discarded" } });
    }
    await this.pushQueues(manufacturerId);
  }

  /** Each line of the manufacturer gets its queue, with the releases of its jobs. */
  async pushQueues(manufacturerId: string): Promise<void> {
    const lines = await db.line.findMany({ where: { manufacturerId }, select: { id: true }, orderBy: { code: "asc" } });
    const queues = [];
    for (const { id } of lines) {
      const line = this.lines.get(id);
      const queue = await buildLineQueue(id);
      if (line && queue) queues.push({ line, queue });
    }
    const jobIds = queues.flatMap(({ queue }) => queue.jobs.map((job) => job.id));
    const releases = await db.productionJob.findMany({ where: { id: { in: jobIds } }, select: { id: true, release: true } });
    const releaseOf = new Map(releases.map((job) => [job.id, job.release.getTime()]));
    for (const { line, queue } of queues) {
      line.deliverQueue(queue, new Map(queue.jobs.filter((job) => releaseOf.has(job.id)).map((job) => [job.id, releaseOf.get(job.id)!])));
    }
  }

  /**
   * Whether a job waits for a place: one the scheduler may move that has no place yet, or a
   * place whose start has passed. None: there is nothing to insert, and the planning state
   * (the costliest read of a run) need not be loaded to find that out.
   */
  private async waitsForPlace(manufacturerId: string, now: number): Promise<boolean> {
    const waiting = await db.productionJob.count({
      where: { manufacturerId, status: { in: [...MOVABLE_STATUSES] }, OR: [{ lineId: null }, { start: null }, { end: null }, { start: { lt: new Date(now) } }] },
    });
    return waiting > 0;
  }

  private planner(manufacturerId: string) {
    const planner = this.planners.get(manufacturerId);
    if (!planner) throw new Error(`no simulated planner for ${manufacturerId}`);
    return planner;
  }
}
