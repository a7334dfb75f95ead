/** FORMAT.md's objective, compared lexicographically in this order. */
export interface Objective {
  unscheduled: number;
  /** sum of weight * max(0, end - due), minutes */
  weightedTardiness: number;
  setupMinutes: number;
  /** latest end, minutes from the horizon start (0 when nothing is scheduled) */
  makespan: number;
}

/** < 0 when a is better than b, > 0 when worse, 0 when equal. */
export function compareObjectives(a: Objective, b: Objective): number {
  return (
    a.unscheduled - b.unscheduled ||
    a.weightedTardiness - b.weightedTardiness ||
    a.setupMinutes - b.setupMinutes ||
    a.makespan - b.makespan
  );
}
