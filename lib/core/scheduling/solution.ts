import { LineSequence } from "./line-sequence";
import type { Model } from "./model";
import type { Objective } from "./objective";

/** A copy of every line's sequence: enough to restore a solution exactly. */
export interface SolutionSnapshot {
  readonly sequences: Int32Array[];
}

/**
 * Per-line sequences of the model's free jobs (pinned jobs live inside the lines as obstacles).
 * A free job on no line is unplaced and counts as unscheduled.
 */
export class Solution {
  readonly model: Model;
  readonly lines: LineSequence[];
  /** line of each job, -1 when it is on none (pinned jobs: -1 too; they are not sequenced) */
  readonly jobLine: Int32Array;
  /** decoding steps done by all lines so far */
  private readonly work = new Float64Array(1);

  constructor(model: Model) {
    this.model = model;
    const expected = Math.ceil((2 * model.freeJobs.length) / Math.max(1, model.lineCount)) + 8;
    this.lines = model.lines.map((line) => new LineSequence(model, line.index, expected, this.work));
    this.jobLine = new Int32Array(model.jobCount).fill(-1);
  }

  workDone(): number {
    return this.work[0] as number;
  }

  /** Weights of the search cost on every line: tardiness + setupWeight * setups + moveWeight * moves. */
  setCostWeights(setupWeight: number, moveWeight = 0): void {
    for (const line of this.lines) {
      line.setupWeight = setupWeight;
      line.moveWeight = moveWeight;
    }
  }

  /** The search cost of the whole solution (see setCostWeights). */
  cost(): number {
    let cost = 0;
    for (const line of this.lines) cost += line.tardiness + line.setupWeight * line.setupTotal + line.moveWeight * line.moves;
    return cost;
  }

  moves(): number {
    let moves = 0;
    for (const line of this.lines) moves += line.moves;
    return moves;
  }

  /** Free jobs on no line. */
  unplacedJobs(): number[] {
    const out: number[] = [];
    for (const j of this.model.freeJobs) if (this.jobLine[j] === -1) out.push(j);
    return out;
  }

  unplacedCount(): number {
    // every placed free job is in exactly one line's sequence
    let placed = 0;
    for (const line of this.lines) placed += line.length;
    return this.model.freeJobs.length - placed;
  }

  tardiness(): number {
    let w = 0;
    for (const line of this.lines) w += line.tardiness;
    return w;
  }

  setupTotal(): number {
    let s = 0;
    for (const line of this.lines) s += line.setupTotal;
    return s;
  }

  objective(): Objective {
    let makespan = 0;
    for (const line of this.lines) {
      if ((line.length > 0 || line.pinSetup.length > 0) && line.end > makespan) makespan = line.end;
    }
    return {
      unscheduled: this.model.unschedulable.size + this.unplacedCount(),
      weightedTardiness: this.tardiness(),
      setupMinutes: this.setupTotal(),
      makespan,
    };
  }

  setSequence(line: number, jobs: ArrayLike<number>): void {
    const sequence = this.lines[line] as LineSequence;
    for (let i = 0; i < sequence.length; i++) this.jobLine[sequence.jobs[i] as number] = -1;
    sequence.setJobs(jobs);
    for (let i = 0; i < jobs.length; i++) this.jobLine[jobs[i] as number] = line;
  }

  insert(line: number, position: number, job: number): void {
    (this.lines[line] as LineSequence).insertAt(position, job);
    this.jobLine[job] = line;
  }

  remove(job: number): void {
    const line = this.jobLine[job] as number;
    if (line < 0) return;
    const sequence = this.lines[line] as LineSequence;
    sequence.removeAt(sequence.positionOf(job));
    this.jobLine[job] = -1;
  }

  snapshot(): SolutionSnapshot {
    return { sequences: this.lines.map((line) => line.copyJobs()) };
  }

  restore(snapshot: SolutionSnapshot): void {
    this.jobLine.fill(-1);
    snapshot.sequences.forEach((jobs, l) => {
      (this.lines[l] as LineSequence).restoreJobs(jobs);
      for (let i = 0; i < jobs.length; i++) this.jobLine[jobs[i] as number] = l;
    });
  }

  /** Drops jobs the decoder could not place (no room before the horizon end) from their lines. */
  dropInfeasible(): number[] {
    const dropped: number[] = [];
    for (const line of this.lines) {
      while (!line.feasible) {
        let k = 0;
        while (k < line.length && (line.start[k] as number) >= 0) k++;
        if (k >= line.length) break;
        const job = line.removeAt(k);
        this.jobLine[job] = -1;
        dropped.push(job);
      }
    }
    return dropped;
  }
}
