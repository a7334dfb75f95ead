import { findBestInsertion, newInsertionChoice, type InsertionSearch } from "./best-insertion";
import type { LineSequence } from "./line-sequence";
import type { Model } from "./model";
import type { Random } from "./random";
import type { Solution } from "./solution";

export interface RuinRecreateSettings {
  /** minutes of setup worth one weighted minute of tardiness in the search cost */
  setupWeight: number;
  /** probability of skipping an insertion position */
  blinkRate: number;
  /** average number of jobs a ruin removes */
  averageRemoved: number;
  /** longest string of consecutive jobs removed from one line */
  maxStringLength: number;
  /** jobs listed for the tardy-job ruin (the most tardy ones, refreshed now and then) */
  tardyPoolSize: number;
  /** insertion positions looked at around each anchor on a line (see InsertionSearch) */
  positionWindow: number;
  /** weighted minutes of tardiness one moved job is worth (repair; 0 when solving from scratch) */
  moveWeight: number;
  /** share of ruins seeded at a moved or new job (repair: work where the plan changed) */
  focusOnChanges: number;
  /** lines scanned in full per insertion besides the job's own (see InsertionSearch) */
  lineShortlist: number;
}

export const DEFAULT_RUIN_RECREATE: RuinRecreateSettings = {
  setupWeight: 10,
  blinkRate: 0.01,
  averageRemoved: 10,
  maxStringLength: 10,
  tardyPoolSize: 64,
  positionWindow: 15,
  moveWeight: 0,
  focusOnChanges: 0,
  lineShortlist: Infinity,
};

/**
 * Ruin and recreate (a large neighbourhood search after Schrimpf et al. and SISR by Christiaens
 * & Vanden Berghe): remove related jobs — strings of consecutive jobs on lines that could swap
 * them around one moment, jobs of one family near one moment, the most tardy jobs, random jobs —
 * and put each back at its cheapest position. The caller decides acceptance; a rejected step is
 * undone by restoring the few lines it touched.
 */
export class RuinRecreate {
  readonly solution: Solution;
  readonly settings: RuinRecreateSettings;
  private readonly model: Model;
  private readonly random: Random;
  private readonly search: InsertionSearch;
  private readonly choice = newInsertionChoice();
  private readonly removedFlag: Uint8Array;
  /** where each removed job was: the anchor of its re-insertion */
  private readonly removedLine: Int32Array;
  private readonly removedStart: Int32Array;
  private readonly removed: number[] = [];
  private readonly savedLines: (Int32Array | null)[];
  private readonly touched: number[] = [];
  private placed: number[] = [];
  private tardyPool: number[] = [];
  private tardyPoolAge = Infinity;
  /** jobs that found no place in the last step (they stay unplaced if it is accepted) */
  unplacedAfterStep: number[] = [];

  constructor(solution: Solution, random: Random, settings: RuinRecreateSettings) {
    this.solution = solution;
    this.model = solution.model;
    this.random = random;
    this.settings = settings;
    this.search = { blinkRate: settings.blinkRate, random, positionWindow: settings.positionWindow, maxMoves: Infinity, lineShortlist: settings.lineShortlist };
    solution.setCostWeights(settings.setupWeight, settings.moveWeight);
    this.removedFlag = new Uint8Array(this.model.jobCount);
    this.removedLine = new Int32Array(this.model.jobCount);
    this.removedStart = new Int32Array(this.model.jobCount);
    this.savedLines = this.model.lines.map(() => null);
  }

  setSetupWeight(setupWeight: number): void {
    this.settings.setupWeight = setupWeight;
    this.solution.setCostWeights(setupWeight, this.settings.moveWeight);
  }

  /**
   * Adaptive choice of the ruin (after Ropke & Pisinger's ALNS): each operator's share follows
   * the cost it removed per decoding step over recent segments, never below a floor. Which ruin
   * pays depends on the instance: random relocations where lines are overloaded, strings and
   * families where setups are what is left to win.
   */
  private readonly operatorWeight = [0.55, 0.15, 0.15, 0.15];
  private readonly operatorGain = [0, 0, 0, 0];
  private readonly operatorWork = [0, 0, 0, 0];
  private lastOperator = 0;
  private lastWork = 0;
  private stepsInSegment = 0;

  /** Credits the last step's operator with the cost it removed (0 when it removed none). */
  credit(gain: number): void {
    this.operatorGain[this.lastOperator] = (this.operatorGain[this.lastOperator] as number) + Math.max(0, gain);
    this.operatorWork[this.lastOperator] = (this.operatorWork[this.lastOperator] as number) + this.lastWork;
    if (++this.stepsInSegment < 100) return;
    this.stepsInSegment = 0;
    const rates = this.operatorGain.map((g, i) => g / Math.max(1, this.operatorWork[i] as number));
    const total = rates.reduce((a, b) => a + b, 0);
    if (total > 0) {
      for (let i = 0; i < rates.length; i++) {
        this.operatorWeight[i] = Math.max(0.05, 0.7 * (this.operatorWeight[i] as number) + (0.3 * (rates[i] as number)) / total);
      }
      const sum = this.operatorWeight.reduce((a, b) => a + b, 0);
      for (let i = 0; i < rates.length; i++) this.operatorWeight[i] = (this.operatorWeight[i] as number) / sum;
    }
    this.operatorGain.fill(0);
    this.operatorWork.fill(0);
  }

  /** Ruins and recreates once; the solution then holds the candidate. Call accept() or reject(). */
  step(): void {
    this.touched.length = 0;
    this.removed.length = 0;
    this.unplacedAfterStep = [];
    this.collectPlaced();
    if (this.placed.length === 0 && this.solution.unplacedCount() === 0) return;
    const workBefore = this.solution.workDone();
    let r = this.random.next();
    let op = 0;
    while (op < 3 && r >= (this.operatorWeight[op] as number)) r -= this.operatorWeight[op++] as number;
    this.lastOperator = op;
    if (op === 0) this.ruinStrings();
    else if (op === 1) this.ruinFamily();
    else if (op === 2) this.ruinTardy();
    else this.ruinRandom();
    // unplaced jobs always get another chance
    for (const j of this.solution.unplacedJobs()) this.markRemoved(j, -1, -1);
    this.applyRemoval();
    this.recreate();
    this.lastWork = this.solution.workDone() - workBefore;
  }

  accept(): void {
    for (const l of this.touched) this.savedLines[l] = null;
    this.touched.length = 0;
  }

  reject(): void {
    const { solution } = this;
    for (const l of this.touched) {
      const line = solution.lines[l] as LineSequence;
      for (let i = 0; i < line.length; i++) solution.jobLine[line.jobs[i] as number] = -1;
    }
    for (const l of this.touched) {
      const saved = this.savedLines[l] as Int32Array;
      (solution.lines[l] as LineSequence).restoreJobs(saved);
      for (let i = 0; i < saved.length; i++) solution.jobLine[saved[i] as number] = l;
      this.savedLines[l] = null;
    }
    this.touched.length = 0;
  }

  /** The most tardy jobs are listed again after the solution changed a lot. */
  private refreshTardyPool(): void {
    const { model, solution } = this;
    const scored: [number, number][] = [];
    for (const line of solution.lines) {
      for (let k = 0; k < line.length; k++) {
        const j = line.jobs[k] as number;
        const start = line.start[k] as number;
        const late = start + (model.processing[j * model.lineCount + line.line] as number) - (model.jobDue[j] as number);
        if (late > 0) scored.push([j, late * (model.jobWeight[j] as number)]);
      }
    }
    scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    this.tardyPool = scored.slice(0, this.settings.tardyPoolSize).map((s) => s[0]);
    this.tardyPoolAge = 0;
  }

  private collectPlaced(): void {
    // only rebuilt when needed: the ruins below pick from it by index
    if (this.placed.length !== 0) return;
    this.placed = Array.from(this.model.freeJobs);
  }

  private changedPool: number[] = [];
  private changedPoolAge = Infinity;

  /** Jobs off their anchors, and jobs without one (new): where a repair still has work to do. */
  private refreshChangedPool(): void {
    const { model, solution } = this;
    const anchorLine = model.anchorLine, anchorStart = model.anchorStart;
    this.changedPool = [];
    this.changedPoolAge = 0;
    if (!anchorLine || !anchorStart) return;
    for (const line of solution.lines) {
      for (let k = 0; k < line.length; k++) {
        const j = line.jobs[k] as number;
        if (anchorLine[j] !== line.line || anchorStart[j] !== line.start[k]) this.changedPool.push(j);
      }
    }
  }

  private randomPlacedJob(): number {
    if (this.settings.focusOnChanges > 0 && this.random.next() < this.settings.focusOnChanges) {
      if (this.changedPoolAge++ > 16) this.refreshChangedPool();
      const pool = this.changedPool;
      for (let attempt = 0; attempt < 8 && pool.length > 0; attempt++) {
        const j = pool[this.random.int(0, pool.length - 1)] as number;
        if (this.solution.jobLine[j] !== -1 && !this.removedFlag[j]) return j;
      }
    }
    for (let attempt = 0; attempt < 32; attempt++) {
      const j = this.placed[this.random.int(0, this.placed.length - 1)] as number;
      if (this.solution.jobLine[j] !== -1 && !this.removedFlag[j]) return j;
    }
    return -1;
  }

  private touch(l: number): void {
    if (this.savedLines[l] !== null) return;
    this.savedLines[l] = (this.solution.lines[l] as LineSequence).copyJobs();
    this.touched.push(l);
  }

  /** Flags job j for removal; it sits at position k of line l (or on no line: l = -1). */
  private markRemoved(j: number, l: number, k: number): void {
    if (this.removedFlag[j]) return;
    this.removedFlag[j] = 1;
    this.removedLine[j] = l;
    this.removedStart[j] = l >= 0 ? ((this.solution.lines[l] as LineSequence).start[k] as number) : -1;
    this.removed.push(j);
  }

  private markRemovedAt(l: number, k: number): void {
    this.markRemoved((this.solution.lines[l] as LineSequence).jobs[k] as number, l, k);
  }

  /** A string of `length` consecutive jobs on line l, around position `around`. */
  private removeString(l: number, around: number, length: number): void {
    const line = this.solution.lines[l] as LineSequence;
    if (line.length === 0) return;
    const n = line.length;
    const size = Math.min(length, n);
    let from = around - this.random.int(0, size - 1);
    if (from < 0) from = 0;
    if (from + size > n) from = n - size;
    for (let k = from; k < from + size; k++) this.markRemovedAt(l, k);
  }

  private targetCount(): number {
    return Math.max(2, Math.round(this.settings.averageRemoved * (0.5 + this.random.next())));
  }

  /** SISR: strings around one moment on the seed's line and on other lines that could run it. */
  private ruinStrings(): void {
    const seed = this.randomPlacedJob();
    if (seed < 0) return;
    const { model, solution, random } = this;
    const seedLine = solution.jobLine[seed] as number;
    const line = solution.lines[seedLine] as LineSequence;
    const position = line.positionOf(seed);
    const moment = line.start[position] as number;
    const target = this.targetCount();
    const stringLength = Math.max(1, Math.min(this.settings.maxStringLength, random.int(1, Math.max(1, Math.ceil(target / 2)))));
    this.removeString(seedLine, position, stringLength);
    const from = model.eligibleStart[seed] as number;
    const to = model.eligibleStart[seed + 1] as number;
    const others: number[] = [];
    for (let e = from; e < to; e++) if (model.eligibleLines[e] !== seedLine) others.push(model.eligibleLines[e] as number);
    random.shuffle(others);
    for (const l of others) {
      if (this.removed.length >= target) break;
      const other = solution.lines[l] as LineSequence;
      const k = Math.min(other.positionAtTime(moment), other.length - 1);
      if (k >= 0) this.removeString(l, k, stringLength);
    }
  }

  /** Jobs of the seed's family near its moment on every line: lets a recreate batch them. */
  private ruinFamily(): void {
    const seed = this.randomPlacedJob();
    if (seed < 0) return;
    const { model, solution } = this;
    const family = model.jobFamily[seed] as number;
    const seedLine = solution.lines[solution.jobLine[seed] as number] as LineSequence;
    const moment = seedLine.start[seedLine.positionOf(seed)] as number;
    const target = this.targetCount();
    const candidates: [line: number, position: number, distance: number][] = [];
    for (let e = model.eligibleStart[seed] as number; e < (model.eligibleStart[seed + 1] as number); e++) {
      const l = model.eligibleLines[e] as number;
      const line = solution.lines[l] as LineSequence;
      const k = line.positionAtTime(moment);
      const lo = Math.max(0, k - 3 * target), hi = Math.min(line.length, k + 3 * target);
      for (let i = lo; i < hi; i++) {
        if (model.jobFamily[line.jobs[i] as number] === family) candidates.push([l, i, Math.abs((line.start[i] as number) - moment)]);
      }
    }
    candidates.sort((a, b) => a[2] - b[2] || a[0] - b[0] || a[1] - b[1]);
    for (const [l, i] of candidates) {
      if (this.removed.length >= target) break;
      this.markRemovedAt(l, i);
    }
    // plus a short string around the seed, so that other families can make room
    this.removeString(solution.jobLine[seed] as number, seedLine.positionOf(seed), 2);
  }

  /** One of the most tardy jobs and a string around it, plus jobs just before it on its line. */
  private ruinTardy(): void {
    if (this.tardyPoolAge++ > 50) this.refreshTardyPool();
    const pool = this.tardyPool.filter((j) => this.solution.jobLine[j] !== -1);
    if (pool.length === 0) return this.ruinStrings();
    // favour the top of the list: rank^2 sampling
    const u = this.random.next();
    const seed = pool[Math.floor(u * u * pool.length)] as number;
    const l = this.solution.jobLine[seed] as number;
    const line = this.solution.lines[l] as LineSequence;
    const k = line.positionOf(seed);
    this.markRemovedAt(l, k);
    const target = this.targetCount();
    const before = Math.min(k, this.random.int(1, Math.max(1, target - 1)));
    for (let i = k - before; i < k; i++) this.markRemovedAt(l, i);
    // and the same moment on other lines it could use
    const moment = line.start[Math.max(0, k - before)] as number;
    const { model, random } = this;
    const others: number[] = [];
    for (let e = model.eligibleStart[seed] as number; e < (model.eligibleStart[seed + 1] as number); e++) {
      if (model.eligibleLines[e] !== l) others.push(model.eligibleLines[e] as number);
    }
    random.shuffle(others);
    for (const o of others) {
      if (this.removed.length >= target) break;
      const other = this.solution.lines[o] as LineSequence;
      const at = Math.min(other.positionAtTime(moment), other.length - 1);
      if (at >= 0) this.removeString(o, at, random.int(1, 3));
    }
  }

  private ruinRandom(): void {
    const target = this.targetCount();
    for (let attempt = 0; attempt < 4 * target && this.removed.length < target; attempt++) {
      const j = this.randomPlacedJob();
      if (j < 0) continue;
      const l = this.solution.jobLine[j] as number;
      this.markRemovedAt(l, (this.solution.lines[l] as LineSequence).positionOf(j));
    }
  }

  private applyRemoval(): void {
    const { solution } = this;
    for (const j of this.removed) {
      const l = solution.jobLine[j] as number;
      if (l >= 0) this.touch(l);
    }
    for (const l of this.touched) (solution.lines[l] as LineSequence).removeFlagged(this.removedFlag);
    for (const j of this.removed) solution.jobLine[j] = -1;
  }

  private recreate(): void {
    const { model, random, solution, removed } = this;
    const r = random.next();
    if (r < 0.4) random.shuffle(removed);
    else if (r < 0.7) removed.sort((a, b) => (model.jobDue[a] as number) - (model.jobDue[b] as number) || a - b);
    else if (r < 0.85) removed.sort((a, b) => (model.jobWeight[b] as number) - (model.jobWeight[a] as number) || (model.jobDue[a] as number) - (model.jobDue[b] as number));
    else removed.sort((a, b) => (model.jobRelease[a] as number) - (model.jobRelease[b] as number) || a - b);
    for (const j of removed) {
      this.removedFlag[j] = 0;
      const anchorLine = this.removedLine[j] as number;
      const anchorTime = this.removedStart[j] as number;
      let found = findBestInsertion(solution, j, this.search, this.choice, anchorLine, anchorTime);
      if (!found && this.search.blinkRate > 0) {
        const blinkRate = this.search.blinkRate;
        this.search.blinkRate = 0;
        found = findBestInsertion(solution, j, this.search, this.choice, anchorLine, anchorTime);
        this.search.blinkRate = blinkRate;
      }
      if (!found) {
        this.unplacedAfterStep.push(j);
        continue;
      }
      this.touch(this.choice.line);
      solution.insert(this.choice.line, this.choice.position, j);
    }
  }
}
