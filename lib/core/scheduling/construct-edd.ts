import type { Model } from "./model";
import { Solution } from "./solution";

/**
 * Earliest due date list scheduling: jobs by due date (then release), each appended to the
 * eligible line where it completes first (ties: smaller setup, then lower line). The floor
 * every other construction must beat, and a plan in milliseconds even for 10,000 jobs.
 */
export function constructEdd(model: Model): Solution {
  const solution = new Solution(model);
  const order = Array.from(model.freeJobs).sort(
    (a, b) =>
      (model.jobDue[a] as number) - (model.jobDue[b] as number) ||
      (model.jobRelease[a] as number) - (model.jobRelease[b] as number) ||
      a - b,
  );
  for (const j of order) {
    let bestLine = -1, bestEnd = Infinity, bestSetup = Infinity;
    for (let e = model.eligibleStart[j] as number; e < (model.eligibleStart[j + 1] as number); e++) {
      const l = model.eligibleLines[e] as number;
      const line = solution.lines[l];
      if (!line) continue;
      const end = line.probeAppend(j);
      if (end < 0) continue;
      if (end < bestEnd || (end === bestEnd && line.deltaSetup < bestSetup)) {
        bestLine = l;
        bestEnd = end;
        bestSetup = line.deltaSetup;
      }
    }
    if (bestLine >= 0) solution.insert(bestLine, solution.lines[bestLine]?.length ?? 0, j);
  }
  return solution;
}
