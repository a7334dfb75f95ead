import type { CompiledGroup, CompiledProduct } from "./compile/compiled-product";
import { NO_OPTION } from "./compile/compiled-product";

/** Where a group's value came from; the order is the order of authority. */
export const SOURCE = { empty: 0, choice: 1, rule: 2, default: 3, adjusted: 4 } as const;
export type SourceCode = (typeof SOURCE)[keyof typeof SOURCE];
export type ValueSource = "choice" | "rule" | "default" | "adjusted-default";
const SOURCE_NAMES: (ValueSource | null)[] = [null, "choice", "rule", "default", "adjusted-default"];

export function sourceName(code: number): ValueSource | null {
  return SOURCE_NAMES[code] ?? null;
}

/**
 * Every group's value in flat arrays indexed by group. Plain arrays, not typed ones: a typed
 * array owns an off-heap buffer, and thousands of short-lived buffers make every young-generation
 * garbage collection slow — which shows as evaluate's tail latency.
 * single → option index or NO_OPTION, multi → pick flags, numeric → NaN when empty, text → "".
 */
export interface Assignment {
  option: number[];
  picks: number[][];
  pickCount: number[];
  number: number[];
  text: string[];
  source: number[];
  /** Position of the group among the customer's choices (later = more recent), -1 if not chosen. */
  choiceOrder: number[];
  /** Per group, 1 when it is required and not multi (it can be open); shared, never written. */
  required: Uint8Array;
}

export function createAssignment(product: CompiledProduct): Assignment {
  const count = product.groups.length;
  return {
    option: new Array<number>(count).fill(NO_OPTION),
    picks: product.groups.map((group) => new Array<number>(group.kind === "multi" ? group.options.length : 0).fill(0)),
    pickCount: new Array<number>(count).fill(0),
    number: new Array<number>(count).fill(Number.NaN),
    text: new Array<string>(count).fill(""),
    source: new Array<number>(count).fill(0),
    choiceOrder: new Array<number>(count).fill(-1),
    required: product.openable,
  };
}

export function cloneAssignment(assignment: Assignment): Assignment {
  return {
    option: assignment.option.slice(),
    picks: assignment.picks.map((picks) => picks.slice()),
    pickCount: assignment.pickCount.slice(),
    number: assignment.number.slice(),
    text: assignment.text.slice(),
    source: assignment.source.slice(),
    choiceOrder: assignment.choiceOrder.slice(),
    required: assignment.required,
  };
}

export function hasValue(group: CompiledGroup, assignment: Assignment): boolean {
  switch (group.kind) {
    case "single":
      return assignment.option[group.index] !== NO_OPTION;
    case "multi":
      return (assignment.pickCount[group.index] ?? 0) > 0;
    case "numeric":
      return !Number.isNaN(assignment.number[group.index] ?? Number.NaN);
    case "text":
      return assignment.text[group.index] !== "";
  }
}

/**
 * A required group still waiting for its value: rules that test it are neither kept nor broken
 * yet, so they block nothing. A multi group is never open — its picks so far are its value.
 */
export function isOpen(group: CompiledGroup, assignment: Assignment): boolean {
  return group.required && group.kind !== "multi" && !hasValue(group, assignment);
}

export function clearGroup(group: CompiledGroup, assignment: Assignment): void {
  const index = group.index;
  assignment.option[index] = NO_OPTION;
  assignment.picks[index]?.fill(0);
  assignment.pickCount[index] = 0;
  assignment.number[index] = Number.NaN;
  assignment.text[index] = "";
  assignment.source[index] = SOURCE.empty;
}

export function setPick(assignment: Assignment, group: number, option: number, picked: boolean): void {
  const picks = assignment.picks[group];
  if (!picks || (picks[option] === 1) === picked) return;
  picks[option] = picked ? 1 : 0;
  assignment.pickCount[group] = (assignment.pickCount[group] ?? 0) + (picked ? 1 : -1);
}
