import type { Actor } from "@/lib/core/policy";
import { planKpis } from "@/lib/core/planning/plan-kpis";
import { clock } from "../clock";
import { db } from "../db";
import { loadPlanningState, requirePlanner } from "./load-planning-state";
import { currentPlanningLease } from "./planning-lease";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Everything the planner's board shows, as of now: lines (with production windows, live
 * status and the plan version each runs), every job that is or may be planned, the backlog,
 * the KPIs, the open proposal if any, and whether a run or publish is in progress.
 */
export async function getBoard(actor: Actor, range: { days?: number } = {}) {
  const planner = requirePlanner(actor, "board.read");
  const now = clock.now().getTime();
  const view = { from: now - 12 * HOUR_MS, to: now + (range.days ?? 14) * DAY_MS };
  const [state, lease, proposal, acks] = await Promise.all([
    loadPlanningState(planner.organizationId, view, { withDetails: true }),
    currentPlanningLease(planner.organizationId),
    db.plan.findFirst({
      where: { manufacturerId: planner.organizationId, status: "proposal" },
      orderBy: { createdAt: "desc" },
      select: {
        id: true, source: true, createdAt: true, unscheduledJobs: true, weightedTardiness: true, setupMinutes: true, details: true,
        createdBy: { select: { name: true } },
        assignments: { select: { jobId: true, lineId: true, start: true, end: true, setupMinutes: true } },
      },
    }),
    db.line.findMany({ where: { manufacturerId: planner.organizationId }, select: { id: true, ackedPlanVersion: true, ackedPlanAt: true, statusReason: true } }),
  ]);
  return {
    now,
    view,
    manufacturerId: planner.organizationId,
    timeZone: state.settings.timeZone,
    schedulerTimeLimitSeconds: state.settings.schedulerTimeLimitSeconds,
    lines: state.lines.map((line) => {
      const ack = acks.find((candidate) => candidate.id === line.id);
      return { ...line, ackedPlanVersion: ack?.ackedPlanVersion ?? null, statusReason: ack?.statusReason ?? null };
    }),
    jobs: state.jobs,
    details: state.details,
    setups: state.setups,
    publishedVersion: state.publishedVersion,
    kpis: planKpis(state.lines, state.jobs, { start: now, end: view.to }),
    running: lease,
    proposal: proposal
      ? {
          id: proposal.id,
          source: proposal.source,
          createdAt: proposal.createdAt.getTime(),
          by: proposal.createdBy?.name ?? null,
          unscheduledJobs: proposal.unscheduledJobs,
          notes: ((proposal.details as { notes?: string[] } | null)?.notes ?? []).slice(0, 10),
          assignments: proposal.assignments.map((assignment) => ({
            jobId: assignment.jobId,
            lineId: assignment.lineId,
            start: assignment.start.getTime(),
            end: assignment.end.getTime(),
            setupMinutes: assignment.setupMinutes,
          })),
        }
      : null,
  };
}

export type BoardData = Awaited<ReturnType<typeof getBoard>>;
