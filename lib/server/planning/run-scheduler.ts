import { toSchedulingInstance } from "@/lib/core/planning/scheduling-instance";
import type { Actor } from "@/lib/core/policy";
import { clock } from "../clock";
import { db } from "../db";
import { AppError } from "../errors";
import { loadPlanningState, requirePlanner } from "./load-planning-state";
import { startSchedulerRun, stopLocalRun } from "./scheduler-runs";

const HORIZON_MS = 28 * 86_400_000;

/** The planner runs the scheduler over every job not yet started; the result is a proposal. */
export async function runScheduler(actor: Actor, input: { timeLimitSeconds?: number }) {
  const planner = requirePlanner(actor, "plan.run");
  const now = clock.now().getTime();
  const state = await loadPlanningState(planner.organizationId, { from: now, to: now + HORIZON_MS });
  const build = toSchedulingInstance({ lines: state.lines, jobs: state.jobs, setups: state.setups, now, horizonMs: HORIZON_MS });
  if (!build.instance) throw new AppError("NO_LINE_AVAILABLE", "No line has production time in the next four weeks.", { status: 422 });
  if (build.instance.jobs.length === 0) throw new AppError("NOTHING_TO_PLAN", "There are no jobs ready to plan: jobs waiting for parts join when their parts are confirmed.", { status: 422 });
  const user = await db.user.findUniqueOrThrow({ where: { id: planner.userId }, select: { name: true } });
  const baseVersions = Object.fromEntries(state.jobs.filter((job) => build.plannedJobIds.includes(job.id)).map((job) => [job.id, job.version]));
  return startSchedulerRun({
    kind: "solve",
    manufacturerId: planner.organizationId,
    startedBy: { userId: planner.userId, name: user.name },
    instance: build.instance,
    timeLimitMs: (input.timeLimitSeconds ?? state.settings.schedulerTimeLimitSeconds) * 1000,
    baseVersions,
    notes: build.notes,
  });
}

/** Stop: the run ends now and keeps the best plan it found. */
export async function stopScheduler(actor: Actor) {
  const planner = requirePlanner(actor, "plan.run");
  if (stopLocalRun(planner.organizationId)) return { stopping: true };
  // Running on another process: it reads the flag at its next heartbeat.
  const flagged = await db.factorySettings.updateMany({ where: { manufacturerId: planner.organizationId, planningLeaseHolder: { startsWith: "run:" } }, data: { schedulerStopRequested: true } });
  return { stopping: flagged.count > 0 };
}
