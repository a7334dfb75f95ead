import type { LineSequence } from "./line-sequence";
import type { Random } from "./random";
import type { Solution } from "./solution";

export interface InsertionChoice {
  line: number;
  position: number;
  /** change of the search cost (tardiness + weighted setups and moves, see LineSequence) */
  cost: number;
  /** the line's end after the insertion (tie-break towards a short makespan) */
  end: number;
}

export interface InsertionSearch {
  /** probability of skipping a position ("blinks", Christiaens & Vanden Berghe's SISR) */
  blinkRate: number;
  /** positions left until the next blink (drawn as the search goes) */
  untilBlink?: number;
  random: Random | null;
  /**
   * Positions looked at on each side of an anchor (the job's latest on-time moment, and the
   * moment it came from): a granular neighbourhood that keeps long lines cheap. Infinity = all.
   */
  positionWindow: number;
  /** most anchored jobs an insertion may move (pushing them off their anchors); Infinity = any */
  maxMoves: number;
  /**
   * Lines scanned in full besides the job's own: the ones whose probe position (around the
   * anchor, or the due date) looked cheapest. Infinity = every eligible line.
   */
  lineShortlist?: number;
}

/**
 * The cheapest place for job j over all its eligible lines. Positions before the job's
 * release are skipped (the job would wait there and only push others), and the scan of a line
 * stops once the job's own tardiness alone, at the earliest it could end there, exceeds the
 * best cost found: the state ends grow along the sequence, so later positions cannot do better.
 * `anchorLine` / `anchorTime` (>= 0) say where the job was before a ruin: that line comes first,
 * so a good bound prunes the rest early.
 */
export function findBestInsertion(
  solution: Solution,
  j: number,
  search: InsertionSearch,
  best: InsertionChoice,
  anchorLine = -1,
  anchorTime = -1,
): boolean {
  const model = solution.model;
  const release = model.jobRelease[j] as number;
  const due = model.jobDue[j] as number;
  const weight = model.jobWeight[j] as number;
  const { blinkRate, random, positionWindow, maxMoves } = search;
  search.untilBlink ??= blinkRate > 0 ? Math.max(1, Math.round(1 / blinkRate)) : Infinity;
  best.line = -1;
  best.position = -1;
  best.cost = Infinity;
  best.end = Infinity;

  const scan = (line: LineSequence, l: number, from: number, to: number, p: number): void => {
    for (let k = from; k <= to; k++) {
      const free = line.endBefore(k);
      const ownLate = (free > release ? free : release) + p - due;
      if (ownLate > 0 && weight * ownLate > best.cost) return;
      if (blinkRate > 0 && random !== null && (search.untilBlink = (search.untilBlink as number) - 1) <= 0) {
        // geometric gaps between blinks: one random draw per blink, not one per position
        search.untilBlink = 1 + Math.floor(Math.log(1 - random.next()) / Math.log(1 - blinkRate));
        continue;
      }
      if (!line.evaluateInsert(k, j, best.cost, maxMoves)) continue;
      if (line.deltaMoves > maxMoves) continue;
      const cost = line.deltaCost;
      if (cost < best.cost || (cost === best.cost && line.evaluatedEnd < best.end)) {
        best.line = l;
        best.position = k;
        best.cost = cost;
        best.end = line.evaluatedEnd;
      }
    }
  };

  const from = model.eligibleStart[j] as number;
  const to = model.eligibleStart[j + 1] as number;
  if (anchorLine >= 0 && anchorTime >= 0) {
    // where the job came from first: its cost is a tight bound for everything else
    const line = solution.lines[anchorLine] as LineSequence;
    const k = line.positionAtTime(anchorTime);
    scan(line, anchorLine, k, k, model.processing[j * model.lineCount + anchorLine] as number);
  }
  const scanLine = (l: number): void => {
    const line = solution.lines[l] as LineSequence;
    const p = model.processing[j * model.lineCount + l] as number;
    const n = line.length;
    let first = line.positionAtTime(release);
    if (first > 0) first--;
    if (!(positionWindow < n)) {
      scan(line, l, first, n, p);
      return;
    }
    // two bands of positions: around the anchor and around the latest on-time start
    const dueAt = Math.max(first, line.positionAtTime(due - p));
    let aLo = dueAt - positionWindow, aHi = dueAt + positionWindow;
    let bLo = 1, bHi = 0;
    if (anchorTime >= 0) {
      const anchorAt = line.positionAtTime(anchorTime);
      bLo = anchorAt - positionWindow;
      bHi = anchorAt + positionWindow;
      if (bLo < aLo) {
        const lo = aLo, hi = aHi;
        aLo = bLo;
        aHi = bHi;
        bLo = lo;
        bHi = hi;
      }
      if (bLo <= aHi + 1) {
        aHi = Math.max(aHi, bHi);
        bLo = 1;
        bHi = 0;
      }
    }
    scan(line, l, Math.max(first, aLo), Math.min(n, aHi), p);
    if (bLo <= bHi) scan(line, l, Math.max(first, bLo), Math.min(n, bHi), p);
    // appending is always possible when anything is: the fallback that keeps every job placed
    if (best.line < 0 || aHi < n) scan(line, l, n, n, p);
  };

  const shortlist = search.lineShortlist ?? Infinity;
  if (anchorLine >= 0) scanLine(anchorLine);
  if (!(shortlist < to - from - 1)) {
    for (let e = from; e < to; e++) {
      const l = model.eligibleLines[e] as number;
      if (l !== anchorLine) scanLine(l);
    }
    return best.line >= 0;
  }
  // probe every other line at one position, then scan the most promising ones in full
  const scores: number[] = [];
  const lines: number[] = [];
  for (let e = from; e < to; e++) {
    const l = model.eligibleLines[e] as number;
    if (l === anchorLine) continue;
    const line = solution.lines[l] as LineSequence;
    const p = model.processing[j * model.lineCount + l] as number;
    let first = line.positionAtTime(release);
    if (first > 0) first--;
    const k = Math.max(first, line.positionAtTime(anchorTime >= 0 ? anchorTime : due - p));
    // a loose bound: the probe ranks lines, it need not beat the best
    const bound = best.cost === Infinity ? Infinity : 3 * Math.abs(best.cost) + 1;
    let cost = Infinity;
    if (line.evaluateInsert(k, j, bound, maxMoves) && line.deltaMoves <= maxMoves) {
      cost = line.deltaCost;
      if (cost < best.cost || (cost === best.cost && line.evaluatedEnd < best.end)) {
        best.line = l;
        best.position = k;
        best.cost = cost;
        best.end = line.evaluatedEnd;
      }
    }
    lines.push(l);
    scores.push(cost);
  }
  const order = lines.map((_, i) => i).sort((a, b) => (scores[a] as number) - (scores[b] as number) || a - b);
  for (let i = 0; i < order.length && i < shortlist; i++) scanLine(lines[order[i] as number] as number);
  return best.line >= 0;
}

export function newInsertionChoice(): InsertionChoice {
  return { line: -1, position: -1, cost: Infinity, end: Infinity };
}
