import type { LinePins, Model } from "./model";
import { PushBound } from "./push-bound";

/**
 * One line's sequence of free jobs, decoded semi-actively around the line's pinned jobs:
 * each job starts as early as its predecessor, its setup, its release and the windows allow
 * (the setup and the job inside one window). A job that cannot finish, plus the setup the next
 * pinned job would then need, before that pinned job goes after it instead.
 *
 * The decoder state before every position is cached, so a change is evaluated from the
 * change point onwards and stops as soon as the state (family, end, pins passed) meets the
 * cached one again: the rest of the line is unchanged ("absorption"). The cost of an
 * evaluation is the length of the disturbed stretch, not of the line.
 *
 * With anchors (repair, insertion into a published plan) a job on its anchor line holds its
 * anchored start whenever the sequence lets it start by then ("sticky"), so an unchanged plan
 * decodes to itself; a job anywhere else counts as moved.
 */
export class LineSequence {
  readonly line: number;
  /** job indices in sequence order; valid up to `length` */
  jobs: Int32Array;
  length = 0;
  /** decoded start and setup of the job at each position */
  start: Int32Array;
  setup: Int32Array;
  /** decoded setup of each pinned job */
  readonly pinSetup: Int32Array;
  /** totals of the decoded line, pinned jobs included */
  tardiness = 0;
  setupTotal = 0;
  end = 0;
  /** false when some job found no room before the horizon end (it is then skipped) */
  feasible = true;

  /** anchored jobs of this line that are not at their anchor (repair) */
  moves = 0;

  /** results of the last evaluation: changes of tardiness, setup, moves and search cost, the new line end */
  deltaTardiness = 0;
  deltaSetup = 0;
  deltaMoves = 0;
  deltaCost = 0;
  evaluatedEnd = 0;

  /** search cost = tardiness + setupWeight * setup + moveWeight * moves */
  setupWeight = 0;
  moveWeight = 0;

  private readonly lineCount: number;
  private readonly familyCount: number;
  private readonly setupMatrix: Int32Array;
  private readonly jobFamily: Int32Array;
  private readonly jobRelease: Int32Array;
  private readonly jobDue: Float64Array;
  private readonly jobWeight: Float64Array;
  private readonly processing: Int32Array;
  private readonly windowStart: Int32Array;
  private readonly windowEnd: Int32Array;
  private readonly windowCount: number;
  private readonly initialFamily: number;
  private readonly pins: LinePins;
  private readonly pinCount: number;
  private readonly anchorLine: Int32Array | null;
  private readonly anchorStart: Int32Array | null;

  // cached decoder state before position k (k = 0..length)
  private stateFamily: Int32Array;
  private stateEnd: Int32Array;
  private statePin: Int32Array;
  private stateTardiness: Float64Array;
  private stateSetup: Float64Array;
  private stateHint: Int32Array;
  private stateMoves: Int32Array;
  /** prunes evaluations: what delaying the rest of the line surely costs */
  private readonly pushBound = new PushBound();

  // scratch decoder state: family, end, next pin, tardiness, setup, last job's setup
  private cf = -1;
  private ce = 0;
  private cp = 0;
  private cw = 0;
  private cs = 0;
  private cm = 0;
  private lastSetup = 0;
  /**
   * First window that can still hold anything: every earlier one ends before the current end.
   * An accelerator, not part of the state; it only advances when a job is placed.
   */
  private ch = 0;
  private foundWindow = 0;
  private recordPins = false;

  /** shared counter of decoding steps: the search's measure of work, deterministic unlike a clock */
  private readonly work: Float64Array;

  constructor(model: Model, line: number, capacity = 16, work: Float64Array = new Float64Array(1)) {
    this.line = line;
    this.work = work;
    this.lineCount = model.lineCount;
    this.familyCount = model.familyCount;
    this.setupMatrix = model.setupMatrix;
    this.jobFamily = model.jobFamily;
    this.jobRelease = model.jobRelease;
    this.jobDue = model.jobDue;
    this.jobWeight = model.jobWeight;
    this.processing = model.processing;
    const lineModel = model.lines[line];
    if (!lineModel) throw new Error(`no line ${line}`);
    this.windowStart = lineModel.windowStart;
    this.windowEnd = lineModel.windowEnd;
    this.windowCount = lineModel.windowStart.length;
    this.initialFamily = lineModel.initialFamily;
    this.pins = lineModel.pins;
    this.pinCount = lineModel.pins.count;
    this.pinSetup = new Int32Array(this.pinCount);
    this.anchorLine = model.anchorLine;
    this.anchorStart = model.anchorStart;
    const c = Math.max(capacity, 4);
    this.jobs = new Int32Array(c);
    this.start = new Int32Array(c);
    this.setup = new Int32Array(c);
    this.stateFamily = new Int32Array(c + 1);
    this.stateEnd = new Int32Array(c + 1);
    this.statePin = new Int32Array(c + 1);
    this.stateTardiness = new Float64Array(c + 1);
    this.stateSetup = new Float64Array(c + 1);
    this.stateHint = new Int32Array(c + 1);
    this.stateMoves = new Int32Array(c + 1);
    this.rebuildFrom(0);
  }

  // ------------------------------------------------------------------ decoding

  /**
   * Earliest start >= release, with a setup of s minutes after a predecessor ending at e, such
   * that [start - s, start + p] lies inside one window; -1 when no window can hold it.
   */
  private earliestStart(e: number, s: number, p: number, r: number): number {
    const ws = this.windowStart, we = this.windowEnd, n = this.windowCount;
    let lo = e + s;
    if (r > lo) lo = r;
    const need = lo + p;
    // windows before the hint end before the current end: nothing placed from now on fits them
    let a = this.ch;
    while (a < n && (we[a] as number) < need) a++;
    for (let w = a; w < n; w++) {
      const wStart = ws[w] as number;
      let t = (wStart > e ? wStart : e) + s;
      if (t < r) t = r;
      if (t + p <= (we[w] as number)) {
        this.foundWindow = w;
        return t;
      }
    }
    return -1;
  }

  private reset(): void {
    this.cf = this.initialFamily;
    this.ce = 0;
    this.cp = 0;
    this.cw = 0;
    this.cs = 0;
    this.cm = 0;
    this.ch = 0;
  }

  private load(k: number): void {
    this.cf = this.stateFamily[k] as number;
    this.ce = this.stateEnd[k] as number;
    this.cp = this.statePin[k] as number;
    this.cw = this.stateTardiness[k] as number;
    this.cs = this.stateSetup[k] as number;
    this.ch = this.stateHint[k] as number;
    this.cm = this.stateMoves[k] as number;
  }

  private save(k: number): void {
    this.stateFamily[k] = this.cf;
    this.stateEnd[k] = this.ce;
    this.statePin[k] = this.cp;
    this.stateTardiness[k] = this.cw;
    this.stateSetup[k] = this.cs;
    this.stateHint[k] = this.ch;
    this.stateMoves[k] = this.cm;
  }

  private passPin(): void {
    const cp = this.cp, pf = this.pins.family[cp] as number, cf = this.cf;
    const s = cf < 0 || cf === pf ? 0 : (this.setupMatrix[cf * this.familyCount + pf] as number);
    if (this.recordPins) this.pinSetup[cp] = s;
    this.cs += s;
    this.cw += this.pins.tardiness[cp] as number;
    this.cf = pf;
    this.ce = this.pins.end[cp] as number;
    this.cp = cp + 1;
  }

  /** Places job j after the scratch state; returns its start, or -1 when it finds no room. */
  private step(j: number): number {
    const F = this.familyCount, SM = this.setupMatrix;
    const fj = this.jobFamily[j] as number;
    const p = this.processing[j * this.lineCount + this.line] as number;
    const r = this.jobRelease[j] as number;
    this.work[0] = (this.work[0] as number) + 1;
    for (;;) {
      const cf = this.cf;
      const s = cf < 0 || cf === fj ? 0 : (SM[cf * F + fj] as number);
      let t = this.earliestStart(this.ce, s, p, r);
      const cp = this.cp;
      let latestEnd = Infinity;
      if (cp < this.pinCount && this.anchorLine !== null && this.anchorLine[j] === this.line && (this.anchorStart as Int32Array)[j] as number >= (this.pins.end[cp] as number)) {
        // a job anchored after the next pinned job stays after it
        this.passPin();
        continue;
      }
      if (cp < this.pinCount) {
        const pf = this.pins.family[cp] as number;
        const toPin = fj === pf ? 0 : (SM[fj * F + pf] as number);
        const pinStart = this.pins.start[cp] as number;
        // the pinned job's own setup must still fit after this job, inside its window
        if (t < 0 || t + p + toPin > pinStart || pinStart - toPin < (this.pins.windowStart[cp] as number)) {
          this.passPin();
          continue;
        }
        latestEnd = pinStart - toPin;
      } else if (t < 0) return -1;
      if (this.anchorLine !== null) t = this.stick(j, t, s, p, latestEnd);
      this.ch = this.foundWindow;
      const end = t + p;
      const late = end - (this.jobDue[j] as number);
      if (late > 0) this.cw += (this.jobWeight[j] as number) * late;
      this.cs += s;
      this.lastSetup = s;
      this.cf = fj;
      this.ce = end;
      return t;
    }
  }

  /** Holds an anchored job at its anchor when it could start by then; counts it as moved otherwise. */
  private stick(j: number, t: number, s: number, p: number, latestEnd: number): number {
    const anchorLine = (this.anchorLine as Int32Array)[j] as number;
    if (anchorLine < 0) return t;
    if (anchorLine !== this.line) {
      this.cm++;
      return t;
    }
    const a = (this.anchorStart as Int32Array)[j] as number;
    if (a === t) return t;
    if (a > t && a + p <= latestEnd) {
      // the first window ending late enough starts earliest: if any window holds it, that one does
      const we = this.windowEnd, n = this.windowCount;
      let w = this.ch;
      while (w < n && (we[w] as number) < a + p) w++;
      if (w < n && (this.windowStart[w] as number) <= a - s) {
        this.foundWindow = w;
        return a;
      }
    }
    this.cm++;
    return t;
  }

  private tail(): void {
    while (this.cp < this.pinCount) this.passPin();
  }

  /** Re-decodes positions k.. and the totals (after any change at or after k). */
  rebuildFrom(k: number): void {
    const n = this.length;
    if (k <= 0) {
      k = 0;
      this.reset();
      this.feasible = true;
    } else {
      this.load(k);
    }
    this.recordPins = true;
    const jobs = this.jobs;
    for (let i = k; i < n; i++) {
      this.save(i);
      const t = this.step(jobs[i] as number);
      if (t < 0) {
        this.feasible = false;
        this.start[i] = -1;
        this.setup[i] = 0;
      } else {
        this.start[i] = t;
        this.setup[i] = this.lastSetup;
      }
    }
    this.save(n);
    this.tail();
    this.recordPins = false;
    this.tardiness = this.cw;
    this.setupTotal = this.cs;
    this.moves = this.cm;
    this.end = this.ce;
    this.pushBound.update(n, this.jobs, this.start, this.setup, this.stateEnd, this.processing, this.lineCount, this.line, this.jobDue, this.jobWeight);
    if (k === 0) return;
    // feasibility of the untouched prefix is unchanged, only the suffix was re-checked
    let ok = true;
    for (let i = 0; i < n && ok; i++) ok = (this.start[i] as number) >= 0;
    this.feasible = ok;
  }

  // ------------------------------------------------------------------ evaluation

  /**
   * Continues the scratch decode over the old sequence from position r; stops at absorption.
   * Gives up (false) once the change of search cost exceeds `bound`: later jobs rarely get
   * earlier, so the disturbed stretch only adds cost from there on.
   */
  private finish(r: number, bound: number, maxMoves = Infinity): boolean {
    const n = this.length, jobs = this.jobs;
    // decoding only adds moves (jobs are pushed, never pulled), so once the scratch state has
    // more than the line had plus the limit, the change is over the limit whatever follows
    const moveLimit = this.moves + maxMoves;
    const sF = this.stateFamily, sE = this.stateEnd, sP = this.statePin, sW = this.stateTardiness, sS = this.stateSetup, sM = this.stateMoves;
    const setupWeight = this.setupWeight, moveWeight = this.moveWeight;
    for (let i = r; i <= n; i++) {
      if (this.cf === sF[i] && this.ce === sE[i] && this.cp === sP[i]) {
        this.settle(this.cw - (sW[i] as number), this.cs - (sS[i] as number), this.cm - (sM[i] as number), this.end);
        return true;
      }
      if (i === n) break;
      let cost = this.cw - (sW[i] as number) + setupWeight * (this.cs - (sS[i] as number)) + moveWeight * (this.cm - (sM[i] as number));
      // same family and pins as before: every later job starts no earlier than it did
      if (this.ce > (sE[i] as number) && this.cf === sF[i] && this.cp === sP[i]) cost += this.pushBound.bound(i, this.ce - (sE[i] as number));
      if (cost > bound) return false;
      if (this.step(jobs[i] as number) < 0) return false;
      if (this.cm > moveLimit) return false;
    }
    this.tail();
    this.settle(this.cw - this.tardiness, this.cs - this.setupTotal, this.cm - this.moves, this.ce);
    return true;
  }

  private settle(tardiness: number, setup: number, moves: number, end: number): void {
    this.deltaTardiness = tardiness;
    this.deltaSetup = setup;
    this.deltaMoves = moves;
    this.deltaCost = tardiness + this.setupWeight * setup + this.moveWeight * moves;
    this.evaluatedEnd = end;
  }

  /**
   * Evaluates inserting job j before position k; false when it does not fit, exceeds `bound`,
   * or moves more than `maxMoves` anchored jobs.
   */
  evaluateInsert(k: number, j: number, bound = Infinity, maxMoves = Infinity): boolean {
    this.load(k);
    if (this.step(j) < 0) return false;
    if (this.cm > this.moves + maxMoves) return false;
    return this.finish(k, bound, maxMoves);
  }

  /** Evaluates removing the job at position k. */
  evaluateRemove(k: number): boolean {
    this.load(k);
    return this.finish(k + 1, Infinity);
  }

  /** Evaluates keeping positions [0, k), then `inserted`, then the old sequence from position r. */
  evaluateReplace(k: number, inserted: ArrayLike<number>, r: number, bound = Infinity): boolean {
    this.load(k);
    for (let i = 0; i < inserted.length; i++) if (this.step(inserted[i] as number) < 0) return false;
    return this.finish(r, bound);
  }

  /** Completion of job j appended after the last position (passing pinned jobs as needed), or -1. */
  probeAppend(j: number): number {
    this.load(this.length);
    const t = this.step(j);
    if (t < 0) return -1;
    this.deltaSetup = this.lastSetup;
    return this.ce;
  }

  /** End of whatever is decoded before position k (the line's free time for a job put there). */
  endBefore(k: number): number {
    return this.stateEnd[k] as number;
  }

  /** Lowest position whose preceding state ends at or after t (0..length). */
  positionAtTime(t: number): number {
    let a = 0, b = this.length;
    const sE = this.stateEnd;
    while (a < b) {
      const m = (a + b) >> 1;
      if ((sE[m] as number) < t) a = m + 1;
      else b = m;
    }
    return a;
  }

  /** Cumulative tardiness of the decoded positions before k (pinned jobs passed included). */
  tardinessBefore(k: number): number {
    return this.stateTardiness[k] as number;
  }

  familyBefore(k: number): number {
    return this.stateFamily[k] as number;
  }

  // ------------------------------------------------------------------ changes

  private grow(needed: number): void {
    if (needed <= this.jobs.length) return;
    const c = Math.max(needed, this.jobs.length * 2);
    const grow32 = (a: Int32Array, size: number) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    const grow64 = (a: Float64Array, size: number) => {
      const b = new Float64Array(size);
      b.set(a);
      return b;
    };
    this.jobs = grow32(this.jobs, c);
    this.start = grow32(this.start, c);
    this.setup = grow32(this.setup, c);
    this.stateFamily = grow32(this.stateFamily, c + 1);
    this.stateEnd = grow32(this.stateEnd, c + 1);
    this.statePin = grow32(this.statePin, c + 1);
    this.stateTardiness = grow64(this.stateTardiness, c + 1);
    this.stateSetup = grow64(this.stateSetup, c + 1);
    this.stateHint = grow32(this.stateHint, c + 1);
    this.stateMoves = grow32(this.stateMoves, c + 1);
  }

  setJobs(jobs: ArrayLike<number>): void {
    this.grow(jobs.length);
    for (let i = 0; i < jobs.length; i++) this.jobs[i] = jobs[i] as number;
    this.length = jobs.length;
    this.rebuildFrom(0);
  }

  /** Replaces the sequence, re-decoding only from the first position that differs. */
  restoreJobs(jobs: Int32Array): void {
    this.grow(jobs.length);
    const n = Math.min(jobs.length, this.length);
    let k = 0;
    while (k < n && this.jobs[k] === jobs[k]) k++;
    if (k === jobs.length && k === this.length) return;
    this.jobs.set(jobs.subarray(k), k);
    this.length = jobs.length;
    this.rebuildFrom(k);
  }

  insertAt(k: number, j: number): void {
    this.grow(this.length + 1);
    this.jobs.copyWithin(k + 1, k, this.length);
    this.jobs[k] = j;
    this.length++;
    this.rebuildFrom(k);
  }

  removeAt(k: number): number {
    const j = this.jobs[k] as number;
    this.jobs.copyWithin(k, k + 1, this.length);
    this.length--;
    this.rebuildFrom(k);
    return j;
  }

  /** Removes every job flagged in `removed` (indexed by job); returns the first position touched, or -1. */
  removeFlagged(removed: Uint8Array): number {
    let w = 0, first = -1;
    for (let i = 0; i < this.length; i++) {
      const j = this.jobs[i] as number;
      if (removed[j]) {
        if (first < 0) first = i;
        continue;
      }
      this.jobs[w++] = j;
    }
    if (first < 0) return -1;
    this.length = w;
    this.rebuildFrom(first);
    return first;
  }

  positionOf(j: number): number {
    return this.jobs.subarray(0, this.length).indexOf(j);
  }

  copyJobs(): Int32Array {
    return this.jobs.slice(0, this.length);
  }
}
