import type { Instance } from "./instance-schema";

/**
 * The instance compiled to flat arrays for the hot loops. All times are integer minutes from
 * the horizon start; jobs, lines and families are indices.
 */
export interface Model {
  readonly instance: Instance;
  /** horizon start, minutes since the epoch */
  readonly epochOffset: number;
  /** horizon length in minutes: nothing may end after it */
  readonly horizon: number;
  readonly jobCount: number;
  readonly lineCount: number;
  readonly familyCount: number;
  readonly jobIds: readonly string[];
  readonly lineIds: readonly string[];
  readonly jobIndex: ReadonlyMap<string, number>;
  readonly lineIndex: ReadonlyMap<string, number>;
  readonly familyIndex: ReadonlyMap<string, number>;
  readonly jobFamily: Int32Array;
  readonly jobRelease: Int32Array;
  readonly jobDue: Float64Array;
  readonly jobWeight: Float64Array;
  /** processing minutes of job j on line l at [j * lineCount + l]; -1 when the line lacks a capability */
  readonly processing: Int32Array;
  /** eligible lines of job j: eligibleLines[eligibleStart[j] .. eligibleStart[j + 1]) */
  readonly eligibleStart: Int32Array;
  readonly eligibleLines: Int32Array;
  /** setup minutes from family a to family b at [a * familyCount + b]; 0 on the diagonal */
  readonly setupMatrix: Int32Array;
  readonly lines: readonly LineModel[];
  /** 1 for a job fixed at its pin (an obstacle for everything else) */
  readonly isPinned: Uint8Array;
  /** jobs the solver sequences (neither pinned nor unschedulable) */
  readonly freeJobs: Int32Array;
  /** jobs that cannot be placed at all, with the reason */
  readonly unschedulable: ReadonlyMap<number, string>;
  /**
   * Where each job stands in a published plan (repair, insertion): line, -1 for none, and
   * start. Null when solving from scratch.
   */
  readonly anchorLine: Int32Array | null;
  readonly anchorStart: Int32Array | null;
}

export interface LineModel {
  readonly index: number;
  readonly id: string;
  /** family the line is set up for at the horizon start, -1 for none */
  readonly initialFamily: number;
  /** availability windows sorted by start, none contained in another (so ends are sorted too) */
  readonly windowStart: Int32Array;
  readonly windowEnd: Int32Array;
  /** pinned jobs on this line, sorted by start, pairwise compatible */
  readonly pins: LinePins;
}

export interface LinePins {
  readonly count: number;
  readonly job: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly family: Int32Array;
  /** start of the earliest window holding the pinned job: its setup may not begin before it */
  readonly windowStart: Int32Array;
  readonly tardiness: Float64Array;
}

export function setupMinutes(model: Model, from: number, to: number): number {
  return from < 0 || from === to ? 0 : (model.setupMatrix[from * model.familyCount + to] as number);
}
