import { MINUTE_MS, type Interval, type PlanningJob, type PlanningLine } from "./planning-model";

export type PlanKpis = {
  plannedJobs: number;
  lateJobs: number;
  /** Σ weight × minutes late. */
  weightedTardiness: number;
  setupMinutes: number;
  /** Share of planned jobs finishing by their due date (1 when nothing is planned). */
  onTimeRate: number;
  /** Per line: busy minutes (setups and jobs) over production-window minutes in the range. */
  utilization: Record<string, number>;
};

function overlap(a: Interval, b: Interval): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** The plan's figures over [range.start, range.end): what the board's KPI bar shows. */
export function planKpis(lines: PlanningLine[], jobs: PlanningJob[], range: Interval): PlanKpis {
  const planned = jobs.filter((job) => job.lineId !== null && job.start !== null && job.end !== null && job.status !== "cancelled");
  let lateJobs = 0;
  let weightedTardiness = 0;
  let setupMinutes = 0;
  for (const job of planned) {
    const lateMinutes = Math.max(0, Math.round((job.end! - job.due) / MINUTE_MS));
    if (lateMinutes > 0) lateJobs++;
    weightedTardiness += job.weight * lateMinutes;
    setupMinutes += job.setupMinutes ?? 0;
  }
  const utilization: Record<string, number> = {};
  for (const line of lines) {
    const available = line.windows.reduce((sum, window) => sum + overlap(window, range), 0);
    const busy = planned
      .filter((job) => job.lineId === line.id)
      .reduce((sum, job) => sum + overlap({ start: job.start! - (job.setupMinutes ?? 0) * MINUTE_MS, end: job.end! }, range), 0);
    utilization[line.id] = available > 0 ? Math.min(1, busy / available) : 0;
  }
  return {
    plannedJobs: planned.length,
    lateJobs,
    weightedTardiness: Math.round(weightedTardiness),
    setupMinutes,
    onTimeRate: planned.length === 0 ? 1 : (planned.length - lateJobs) / planned.length,
    utilization,
  };
}

/** Jobs whose line or start differ between two plans (ids). */
export function movedJobs(current: PlanningJob[], proposal: Array<{ jobId: string; lineId: string; start: number }>): string[] {
  const now = new Map(current.map((job) => [job.id, job]));
  return proposal
    .filter((assignment) => {
      const job = now.get(assignment.jobId);
      return !job || job.lineId !== assignment.lineId || job.start !== assignment.start;
    })
    .map((assignment) => assignment.jobId);
}
