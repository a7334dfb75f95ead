import { compileInstance, type Anchor } from "../scheduling/compile-instance";
import type { Instance, Job } from "../scheduling/instance-schema";
import type { Plan } from "../scheduling/plan-schema";
import { Solution } from "../scheduling/solution";
import { toSchedule } from "../scheduling/to-schedule";

/**
 * The plan promises are made against: the latest published plan (its assignments over the
 * factory as it is now), plus the capacity held for quotes and for orders promised since that
 * plan was published. Each line's jobs keep their order and their start wherever the factory
 * still allows it; a job the present no longer fits there (a line went down, a running job
 * overran, a part slipped past its planned start) moves later, exactly as the scheduler's
 * sticky decoder would place it. The result is feasible for its instance by construction, so
 * the scheduler's slot finder can insert into it without disturbing anything.
 */
export type PlannedAssignment = { jobId: string; lineId: string; start: string };

/** One unit of held capacity (ISO whole-minute times). */
export type HeldUnit = { lineId: string; start: string; end: string; family: string; requires: string[]; minutes: number; due: string };

export type Hold = { id: string; units: HeldUnit[] };

export type PromiseBase = {
  /** The factory now: lines, windows, setups; jobs = the published plan's jobs not yet started. */
  instance: Instance;
  assignments: PlannedAssignment[];
};

export const holdJobId = (holdId: string, unit: number) => `hold:${holdId}:${unit}`;

export function buildPromisePlan(base: PromiseBase, holds: readonly Hold[]): Plan {
  const horizonStart = Date.parse(base.instance.horizon.start);
  const lineIds = new Set(base.instance.lines.map((line) => line.id));
  const anchors = new Map<string, Anchor>();
  const known = new Set(base.instance.jobs.map((job) => job.id));
  for (const assignment of base.assignments) {
    if (known.has(assignment.jobId) && lineIds.has(assignment.lineId)) anchors.set(assignment.jobId, { lineId: assignment.lineId, start: assignment.start });
  }
  const heldJobs: Job[] = [];
  for (const hold of holds) {
    hold.units.forEach((unit, index) => {
      // Held time already past, or on a line the factory no longer plans, holds nothing.
      if (Date.parse(unit.end) <= horizonStart || !lineIds.has(unit.lineId)) return;
      const id = holdJobId(hold.id, index);
      heldJobs.push({ id, family: unit.family, requires: unit.requires, minutes: unit.minutes, due: unit.due });
      anchors.set(id, { lineId: unit.lineId, start: unit.start });
    });
  }
  const instance: Instance = { ...base.instance, jobs: [...base.instance.jobs.filter((job) => anchors.has(job.id) || job.pinned), ...heldJobs] };
  const model = compileInstance(instance, { anchors });
  const solution = new Solution(model);
  const anchorLine = model.anchorLine as Int32Array;
  const anchorStart = model.anchorStart as Int32Array;
  const byLine: number[][] = model.lines.map(() => []);
  for (const j of model.freeJobs) {
    const l = anchorLine[j] as number;
    if (l >= 0 && (model.processing[j * model.lineCount + l] as number) >= 0) byLine[l]!.push(j);
  }
  byLine.forEach((jobs, l) => {
    jobs.sort((a, b) => (anchorStart[a] as number) - (anchorStart[b] as number));
    solution.setSequence(l, jobs);
  });
  const { schedule } = toSchedule(solution);
  // Jobs the present leaves no room for are simply not in the plan: they hold no capacity here.
  const placed = new Set(schedule.assignments.map((assignment) => assignment.jobId));
  return {
    version: 1,
    instance: { ...instance, jobs: instance.jobs.filter((job) => placed.has(job.id)) },
    schedule: { assignments: schedule.assignments, unscheduled: [] },
  };
}
