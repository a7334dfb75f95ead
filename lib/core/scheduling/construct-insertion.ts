import { findBestInsertion, newInsertionChoice } from "./best-insertion";
import type { Model } from "./model";
import { Solution } from "./solution";

/**
 * Cheapest insertion: jobs in the given order (default: due date), each put at its cheapest
 * position on any eligible line given the jobs placed so far.
 */
export function constructInsertion(model: Model, setupWeight: number, positionWindow = Infinity, order?: readonly number[]): Solution {
  const solution = new Solution(model);
  solution.setCostWeights(setupWeight);
  const jobs =
    order ??
    Array.from(model.freeJobs).sort(
      (a, b) => (model.jobDue[a] as number) - (model.jobDue[b] as number) || (model.jobRelease[a] as number) - (model.jobRelease[b] as number) || a - b,
    );
  const choice = newInsertionChoice();
  const search = { blinkRate: 0, random: null, positionWindow, maxMoves: Infinity };
  for (const j of jobs) {
    if (findBestInsertion(solution, j, search, choice)) solution.insert(choice.line, choice.position, j);
  }
  return solution;
}
