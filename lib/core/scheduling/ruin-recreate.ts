import { findBestInsertion, newInsertionChoice, type InsertionSearch } from "./best-insertion";
import type { LineSequence } from "./line-sequence";
import type { Model } from "./model";
import type { Random } from "./random";
import { RuinOperators } from "./ruin-operators";
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
  private readonly ruins: RuinOperators;
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
    this.ruins = new RuinOperators(solution, random, settings, {
      removeAt: (l, k) => this.markRemovedAt(l, k),
      count: () => this.removed.length,
      isRemoved: (j) => this.removedFlag[j] === 1,
    });
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
    if (this.model.freeJobs.length === 0) return;
    const workBefore = this.solution.workDone();
    let r = this.random.next();
    let op = 0;
    while (op < 3 && r >= (this.operatorWeight[op] as number)) r -= this.operatorWeight[op++] as number;
    this.lastOperator = op;
    if (op === 0) this.ruins.strings();
    else if (op === 1) this.ruins.family();
    else if (op === 2) this.ruins.tardy();
    else this.ruins.random();
    // unplaced jobs always get another chance
    if (this.solution.unplacedCount() > 0) for (const j of this.solution.unplacedJobs()) this.markRemoved(j, -1, -1);
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
