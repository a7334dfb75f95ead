import type { LineSequence } from "./line-sequence";
import type { Random } from "./random";
import type { Solution } from "./solution";

export interface InsertionChoice {
  line: number;
  position: number;
  /** change of tardiness + setupWeight * setup */
  cost: number;
  /** the line's end after the insertion (tie-break towards a short makespan) */
  end: number;
}

export interface InsertionSearch {
  /** minutes of setup worth one weighted minute of tardiness in the search cost */
  setupWeight: number;
  /** probability of skipping a position ("blinks", Christiaens & Vanden Berghe's SISR) */
  blinkRate: number;
  random: Random | null;
}

/**
 * The cheapest place for job j over all its eligible lines. Positions before the job's
 * release are skipped (the job would wait there and only push others), and the scan of a line
 * stops once the job's own tardiness alone, at the earliest it could end there, exceeds the
 * best cost found: the state ends grow along the sequence, so later positions cannot do better.
 */
export function findBestInsertion(solution: Solution, j: number, search: InsertionSearch, best: InsertionChoice): boolean {
  const model = solution.model;
  const release = model.jobRelease[j] as number;
  const due = model.jobDue[j] as number;
  const weight = model.jobWeight[j] as number;
  const { setupWeight, blinkRate, random } = search;
  best.line = -1;
  best.position = -1;
  best.cost = Infinity;
  best.end = Infinity;
  for (let e = model.eligibleStart[j] as number; e < (model.eligibleStart[j + 1] as number); e++) {
    const l = model.eligibleLines[e] as number;
    const line = solution.lines[l] as LineSequence;
    const p = model.processing[j * model.lineCount + l] as number;
    const n = line.length;
    let k = line.positionAtTime(release);
    if (k > 0) k--;
    for (; k <= n; k++) {
      const free = line.endBefore(k);
      const ownLate = (free > release ? free : release) + p - due;
      if (ownLate > 0 && weight * ownLate > best.cost) break;
      if (blinkRate > 0 && random !== null && random.next() < blinkRate) continue;
      if (!line.evaluateInsert(k, j, best.cost, setupWeight)) continue;
      const cost = line.deltaTardiness + setupWeight * line.deltaSetup;
      if (cost < best.cost || (cost === best.cost && line.evaluatedEnd < best.end)) {
        best.line = l;
        best.position = k;
        best.cost = cost;
        best.end = line.evaluatedEnd;
      }
    }
  }
  return best.line >= 0;
}

export function newInsertionChoice(): InsertionChoice {
  return { line: -1, position: -1, cost: Infinity, end: Infinity };
}
