import { MINUTE_MS, type PlanningJob } from "@/lib/core/planning/planning-model";
import type { MoveJob } from "@/lib/core/planning/planning-schemas";
import { resequenceSetups } from "@/lib/core/planning/resequence-setups";
import { validateMove } from "@/lib/core/planning/validate-move";
import type { Actor } from "@/lib/core/policy";
import { clock } from "../clock";
import { db, type Tx } from "../db";
import { AppError, conflict } from "../errors";
import { nudgeOutbox, writeOutboxEvents } from "../realtime/outbox";
import { jobPlanned } from "./job-events";
import { loadPlanningState, requirePlanner, type PlanningState } from "./load-planning-state";

const DAY_MS = 86_400_000;

/**
 * A planner drags a job to a line and time (or back to the backlog). The move is checked with
 * the same rules as the scheduler's and refused with the reason; a job someone else changed
 * since the planner saw it is a 409. The setups of the jobs after it, on both lines, follow.
 */
export async function moveJob(actor: Actor, input: MoveJob) {
  const planner = requirePlanner(actor, "job.move");
  const result = await db.$transaction(async (tx) => {
    const now = clock.now().getTime();
    const until = input.to === "line" ? Math.max(Date.parse(input.start) + 3 * DAY_MS, now + 28 * DAY_MS) : now + 28 * DAY_MS;
    const current = await tx.productionJob.findFirst({ where: { id: input.jobId, manufacturerId: planner.organizationId }, select: { lineId: true } });
    if (!current) throw new AppError("JOB_NOT_FOUND", "Not found.", { status: 404 });
    // Only the lines the job leaves and joins matter to this move.
    const lineIds = [current.lineId, input.to === "line" ? input.lineId : null].filter((id): id is string => id !== null);
    const state = await loadPlanningState(planner.organizationId, { from: now - DAY_MS, to: until }, { tx, onlyLineIds: lineIds, alsoJobIds: [input.jobId] });
    const job = state.jobs.find((candidate) => candidate.id === input.jobId);
    if (!job) throw new AppError("JOB_NOT_FOUND", "Not found.", { status: 404 });
    if (job.version !== input.version) throw conflict("JOB_CHANGED", `${job.code} was changed by someone else meanwhile; the board now shows their change.`, { version: job.version });
    const source = job.lineId ? state.lines.find((line) => line.id === job.lineId) : undefined;

    let moved: PlanningJob;
    if (input.to === "backlog") {
      if (job.locked || !["ready", "scheduled", "queued"].includes(job.status)) {
        throw new AppError("MOVE_REFUSED", `${job.code} cannot go back to the backlog (${job.locked ? "locked" : job.status}).`, { status: 422, details: { code: job.locked ? "LOCKED" : "NOT_MOVABLE" } });
      }
      moved = { ...job, lineId: null, start: null, end: null, setupMinutes: null, status: "ready", version: job.version + 1 };
    } else {
      const line = state.lines.find((candidate) => candidate.id === input.lineId);
      if (!line) throw new AppError("LINE_NOT_FOUND", "Not found.", { status: 404 });
      const check = validateMove({
        job,
        line,
        start: Date.parse(input.start),
        lineJobs: state.jobs.filter((other) => other.lineId === line.id),
        source: source ? { line: source, jobs: state.jobs.filter((other) => other.lineId === source.id) } : undefined,
        setups: state.setups,
        now,
      });
      if (!check.ok) throw new AppError("MOVE_REFUSED", check.message, { status: 422, details: { code: check.code } });
      moved = { ...job, lineId: line.id, start: check.start, end: check.end, setupMinutes: check.setupMinutes, status: "scheduled", version: job.version + 1 };
    }
    const written = await tx.productionJob.updateMany({
      where: { id: job.id, version: job.version },
      data: {
        lineId: moved.lineId,
        start: moved.start === null ? null : new Date(moved.start),
        end: moved.end === null ? null : new Date(moved.end),
        setupMinutes: moved.setupMinutes,
        status: moved.status,
        version: { increment: 1 },
      },
    });
    if (written.count === 0) throw conflict("JOB_CHANGED", `${job.code} was changed by someone else meanwhile.`);
    const followers = await resequence(tx, state, job, moved);
    await writeOutboxEvents(tx, [moved, ...followers].map((changed) => jobPlanned(planner.organizationId, changed, planner.userId)));
    return { job: toView(moved), adjusted: followers.map(toView) };
  });
  nudgeOutbox();
  return result;
}

/** Recomputes the setups on the lines the job left and joined; returns the jobs that changed. */
async function resequence(tx: Tx, state: PlanningState, before: PlanningJob, after: PlanningJob): Promise<PlanningJob[]> {
  const jobs = state.jobs.map((job) => (job.id === after.id ? after : job));
  const lineIds = new Set([before.lineId, after.lineId].filter((id): id is string => id !== null));
  const changed: PlanningJob[] = [];
  for (const lineId of lineIds) {
    const line = state.lines.find((candidate) => candidate.id === lineId)!;
    for (const update of resequenceSetups(line, jobs, state.setups)) {
      if (update.id === after.id) continue;
      const job = jobs.find((candidate) => candidate.id === update.id)!;
      await tx.productionJob.update({ where: { id: job.id }, data: { setupMinutes: update.setupMinutes, version: { increment: 1 } } });
      changed.push({ ...job, setupMinutes: update.setupMinutes, version: job.version + 1 });
    }
  }
  return changed;
}

function toView(job: PlanningJob) {
  return {
    id: job.id,
    code: job.code,
    lineId: job.lineId,
    start: job.start === null ? null : new Date(job.start).toISOString(),
    end: job.end === null ? null : new Date(job.end).toISOString(),
    setupMinutes: job.setupMinutes,
    status: job.status,
    version: job.version,
    durationMinutes: job.start !== null && job.end !== null ? (job.end - job.start) / MINUTE_MS : null,
  };
}
