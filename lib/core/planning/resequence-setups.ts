import { MOVABLE_STATUSES, setupMinutesBetween, type PlanningJob, type PlanningLine, type SetupTable } from "./planning-model";

/**
 * The setups a line's planned jobs need, in start order, after a job came or went: the jobs
 * whose stored setup no longer matches their predecessor (started jobs keep theirs).
 */
export function resequenceSetups(line: PlanningLine, jobs: PlanningJob[], setups: SetupTable): Array<{ id: string; setupMinutes: number }> {
  const onLine = jobs.filter((job) => job.lineId === line.id && job.start !== null && job.status !== "cancelled").sort((a, b) => a.start! - b.start!);
  const changed: Array<{ id: string; setupMinutes: number }> = [];
  let family = line.currentFamily;
  for (const job of onLine) {
    if (MOVABLE_STATUSES.has(job.status)) {
      const needed = setupMinutesBetween(setups, family, job.family);
      if (needed !== job.setupMinutes) changed.push({ id: job.id, setupMinutes: needed });
    }
    family = job.family;
  }
  return changed;
}
