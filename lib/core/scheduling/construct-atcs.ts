import type { LineSequence } from "./line-sequence";
import type { Model } from "./model";
import { Solution } from "./solution";

export interface AtcsParameters {
  /** look-ahead on slack, in average processing times (k1 of Lee, Bhaskaran & Pinedo) */
  slackScale: number;
  /** setup penalty, in average setups (k2) */
  setupScale: number;
  /** idle-time penalty for jobs not yet released, in average processing times (ATCSR) */
  releaseScale: number;
}

/** Candidates looked at per decision: the earliest-due unscheduled jobs of the line. */
const CANDIDATES = 48;

/**
 * ATCS dispatching with releases (ATCSR, Pfund & Fowler): the line that frees up first takes
 * the job with the highest index
 *   w/p * exp(-max(d - p - t, 0) / (k1 p̄)) * exp(-s / (k2 s̄)) * exp(-max(r - t, 0) / (k3 p̄)).
 * Only the earliest-due unscheduled jobs of the line compete, which keeps a decision O(1)
 * for 10,000 jobs while the due-date order still finds every urgent one.
 */
export function constructAtcs(model: Model, parameters: AtcsParameters): Solution {
  const solution = new Solution(model);
  const { lineCount, jobFamily, jobRelease, jobDue, jobWeight, processing } = model;
  const free = model.freeJobs;
  if (free.length === 0) return solution;

  let processingSum = 0, processingCount = 0;
  for (const j of free) {
    for (let e = model.eligibleStart[j] as number; e < (model.eligibleStart[j + 1] as number); e++) {
      processingSum += processing[j * lineCount + (model.eligibleLines[e] as number)] as number;
      processingCount++;
    }
  }
  const meanProcessing = Math.max(1, processingSum / Math.max(1, processingCount));
  let setupSum = 0;
  for (const s of model.setupMatrix) setupSum += s;
  const families = model.familyCount;
  const meanSetup = Math.max(1, setupSum / Math.max(1, families * families - families));
  const slackDivisor = parameters.slackScale * meanProcessing;
  const setupDivisor = parameters.setupScale * meanSetup;
  const releaseDivisor = parameters.releaseScale * meanProcessing;

  // per line: its eligible free jobs by due date, and a cursor past the scheduled prefix
  const byDue = Array.from(free).sort((a, b) => (jobDue[a] as number) - (jobDue[b] as number) || a - b);
  const lineJobs: number[][] = model.lines.map(() => []);
  for (const j of byDue) {
    for (let e = model.eligibleStart[j] as number; e < (model.eligibleStart[j + 1] as number); e++) {
      lineJobs[model.eligibleLines[e] as number]?.push(j);
    }
  }
  const cursor = new Int32Array(lineCount);
  const done = new Uint8Array(model.jobCount);
  const active = new Uint8Array(lineCount).fill(1);
  let remaining = free.length;

  while (remaining > 0) {
    // the active line that is free first
    let l = -1, lineTime = Infinity;
    for (let m = 0; m < lineCount; m++) {
      if (!active[m]) continue;
      const sequence = solution.lines[m] as LineSequence;
      const t = sequence.endBefore(sequence.length);
      if (t < lineTime) {
        lineTime = t;
        l = m;
      }
    }
    if (l < 0) break;
    const sequence = solution.lines[l] as LineSequence;
    const candidates = lineJobs[l] as number[];
    let c = cursor[l] as number;
    while (c < candidates.length && done[candidates[c] as number]) c++;
    cursor[l] = c;
    const family = sequence.familyBefore(sequence.length);
    let best = -1, bestIndex = -Infinity;
    for (let seen = 0; c < candidates.length && seen < CANDIDATES; c++) {
      const j = candidates[c] as number;
      if (done[j]) continue;
      seen++;
      const p = processing[j * lineCount + l] as number;
      const fj = jobFamily[j] as number;
      const s = family < 0 || family === fj ? 0 : (model.setupMatrix[family * families + fj] as number);
      const release = jobRelease[j] as number;
      const start = Math.max(lineTime + s, release);
      const slack = Math.max((jobDue[j] as number) - p - start, 0);
      const index =
        (((jobWeight[j] as number) + 1e-6) / p) *
        Math.exp(-slack / slackDivisor - s / setupDivisor - Math.max(release - lineTime, 0) / releaseDivisor);
      if (index > bestIndex) {
        bestIndex = index;
        best = j;
      }
    }
    if (best < 0) {
      active[l] = 0;
      continue;
    }
    if (sequence.probeAppend(best) < 0) {
      // no room left on this line for it; another line may still take it
      (candidates as number[]).splice(candidates.indexOf(best), 1);
      if (!candidates.some((j) => !done[j])) active[l] = 0;
      continue;
    }
    solution.insert(l, sequence.length, best);
    done[best] = 1;
    remaining--;
  }
  return solution;
}
