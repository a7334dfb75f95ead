import type { LineSequence } from "./line-sequence";
import type { Model } from "./model";
import type { Random } from "./random";
import type { RuinRecreateSettings } from "./ruin-recreate";
import type { Solution } from "./solution";

/** Where a ruin marks the jobs it removes (the ruin-and-recreate step owns the list). */
export interface RemovalMarker {
  /** marks the job at position k of line l */
  removeAt(l: number, k: number): void;
  count(): number;
  isRemoved(j: number): boolean;
}

/**
 * The ruins: each picks related jobs and marks them for removal. Strings of consecutive jobs
 * around one moment on the lines that could swap them (SISR), jobs of one family near one
 * moment (so a recreate can batch them), one of the most tardy jobs with the jobs just before
 * it, and random jobs (single relocations, which pay most on overloaded lines).
 */
export class RuinOperators {
  private readonly model: Model;
  private readonly placed: Int32Array;
  private tardyPool: number[] = [];
  private tardyPoolAge = Infinity;

  constructor(
    private readonly solution: Solution,
    private readonly rng: Random,
    private readonly settings: RuinRecreateSettings,
    private readonly marker: RemovalMarker,
  ) {
    this.model = solution.model;
    this.placed = solution.model.freeJobs;
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
    if (this.settings.focusOnChanges > 0 && this.rng.next() < this.settings.focusOnChanges) {
      if (this.changedPoolAge++ > 16) this.refreshChangedPool();
      const pool = this.changedPool;
      for (let attempt = 0; attempt < 8 && pool.length > 0; attempt++) {
        const j = pool[this.rng.int(0, pool.length - 1)] as number;
        if (this.solution.jobLine[j] !== -1 && !this.marker.isRemoved(j)) return j;
      }
    }
    for (let attempt = 0; attempt < 32; attempt++) {
      const j = this.placed[this.rng.int(0, this.placed.length - 1)] as number;
      if (this.solution.jobLine[j] !== -1 && !this.marker.isRemoved(j)) return j;
    }
    return -1;
  }

  /** A string of `length` consecutive jobs on line l, around position `around`. */
  private removeString(l: number, around: number, length: number): void {
    const line = this.solution.lines[l] as LineSequence;
    if (line.length === 0) return;
    const n = line.length;
    const size = Math.min(length, n);
    let from = around - this.rng.int(0, size - 1);
    if (from < 0) from = 0;
    if (from + size > n) from = n - size;
    for (let k = from; k < from + size; k++) this.marker.removeAt(l, k);
  }

  private targetCount(): number {
    return Math.max(2, Math.round(this.settings.averageRemoved * (0.5 + this.rng.next())));
  }

  /** SISR: strings around one moment on the seed's line and on other lines that could run it. */
  strings(): void {
    const seed = this.randomPlacedJob();
    if (seed < 0) return;
    const { model, solution, rng: random } = this;
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
      if (this.marker.count() >= target) break;
      const other = solution.lines[l] as LineSequence;
      const k = Math.min(other.positionAtTime(moment), other.length - 1);
      if (k >= 0) this.removeString(l, k, stringLength);
    }
  }

  /** Jobs of the seed's family near its moment on every line: lets a recreate batch them. */
  family(): void {
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
      if (this.marker.count() >= target) break;
      this.marker.removeAt(l, i);
    }
    // plus a short string around the seed, so that other families can make room
    this.removeString(solution.jobLine[seed] as number, seedLine.positionOf(seed), 2);
  }

  /** One of the most tardy jobs and a string around it, plus jobs just before it on its line. */
  tardy(): void {
    if (this.tardyPoolAge++ > 50) this.refreshTardyPool();
    const pool = this.tardyPool.filter((j) => this.solution.jobLine[j] !== -1);
    if (pool.length === 0) return this.strings();
    // favour the top of the list: rank^2 sampling
    const u = this.rng.next();
    const seed = pool[Math.floor(u * u * pool.length)] as number;
    const l = this.solution.jobLine[seed] as number;
    const line = this.solution.lines[l] as LineSequence;
    const k = line.positionOf(seed);
    this.marker.removeAt(l, k);
    const target = this.targetCount();
    const before = Math.min(k, this.rng.int(1, Math.max(1, target - 1)));
    for (let i = k - before; i < k; i++) this.marker.removeAt(l, i);
    // and the same moment on other lines it could use
    const moment = line.start[Math.max(0, k - before)] as number;
    const { model, rng: random } = this;
    const others: number[] = [];
    for (let e = model.eligibleStart[seed] as number; e < (model.eligibleStart[seed + 1] as number); e++) {
      if (model.eligibleLines[e] !== l) others.push(model.eligibleLines[e] as number);
    }
    random.shuffle(others);
    for (const o of others) {
      if (this.marker.count() >= target) break;
      const other = this.solution.lines[o] as LineSequence;
      const at = Math.min(other.positionAtTime(moment), other.length - 1);
      if (at >= 0) this.removeString(o, at, random.int(1, 3));
    }
  }

  random(): void {
    const target = this.targetCount();
    for (let attempt = 0; attempt < 4 * target && this.marker.count() < target; attempt++) {
      const j = this.randomPlacedJob();
      if (j < 0) continue;
      const l = this.solution.jobLine[j] as number;
      this.marker.removeAt(l, (this.solution.lines[l] as LineSequence).positionOf(j));
    }
  }
}
