import type { Assignment } from "./assignment";
import type { CompiledNumericGroup, CompiledProduct, Literal } from "./compile/compiled-product";
import type { ComparisonOperator } from "./definition/condition-schema";
import { snapToGrid } from "./definition/value-checks";
import { literalTruth, TRUE } from "./literal";

/** A range of numbers; open ends exclude the bound. */
export interface Interval {
  low: number;
  high: number;
  lowOpen: boolean;
  highOpen: boolean;
}

export interface NumericRestriction {
  rule: number;
  /** Values the rule forbids under the other current choices. */
  forbidden: Interval[];
}

const EVERYTHING: Interval = { low: -Infinity, high: Infinity, lowOpen: true, highOpen: true };
const EPSILON = 1e-9;

export function operatorIntervals(op: ComparisonOperator, value: number): Interval[] {
  switch (op) {
    case "<":
      return [{ low: -Infinity, high: value, lowOpen: true, highOpen: true }];
    case "<=":
      return [{ low: -Infinity, high: value, lowOpen: true, highOpen: false }];
    case ">":
      return [{ low: value, high: Infinity, lowOpen: true, highOpen: true }];
    case ">=":
      return [{ low: value, high: Infinity, lowOpen: false, highOpen: true }];
    case "=":
      return [{ low: value, high: value, lowOpen: false, highOpen: false }];
    case "!=":
      return [
        { low: -Infinity, high: value, lowOpen: true, highOpen: true },
        { low: value, high: Infinity, lowOpen: true, highOpen: true },
      ];
  }
}

function intersect(left: Interval[], right: Interval[]): Interval[] {
  const result: Interval[] = [];
  for (const a of left) {
    for (const b of right) {
      const low = Math.max(a.low, b.low);
      const high = Math.min(a.high, b.high);
      const lowOpen = a.low === b.low ? a.lowOpen || b.lowOpen : a.low > b.low ? a.lowOpen : b.lowOpen;
      const highOpen = a.high === b.high ? a.highOpen || b.highOpen : a.high < b.high ? a.highOpen : b.highOpen;
      if (low < high || (low === high && !lowOpen && !highOpen)) result.push({ low, high, lowOpen, highOpen });
    }
  }
  return result;
}

export function contains(interval: Interval, value: number): boolean {
  const aboveLow = interval.lowOpen ? value > interval.low + EPSILON : value >= interval.low - EPSILON;
  const belowHigh = interval.highOpen ? value < interval.high - EPSILON : value <= interval.high + EPSILON;
  return aboveLow && belowHigh;
}

/**
 * The rules that, with every other group as it is, forbid some values of this numeric group,
 * and which values: the intersection of the rule's literals on the group, when all its other
 * literals hold.
 */
export function numericRestrictions(product: CompiledProduct, group: CompiledNumericGroup, assignment: Assignment): NumericRestriction[] {
  const armed = group.rules.filter((ruleIndex) =>
    product.rules[ruleIndex]!.literals.every(
      (literal) => literal.group === group.index || literalTruth(literal, assignment) === TRUE,
    ),
  );
  return restrictionsOf(product, group, armed);
}

/** The restrictions of rules already known to be armed for the group (see literal-truths.ts). */
export function restrictionsOf(product: CompiledProduct, group: CompiledNumericGroup, armed: Iterable<number>): NumericRestriction[] {
  const restrictions: NumericRestriction[] = [];
  for (const ruleIndex of armed) {
    let forbidden: Interval[] = [EVERYTHING];
    for (const literal of product.rules[ruleIndex]!.literals) {
      if (literal.group === group.index) forbidden = intersect(forbidden, literalIntervals(literal));
    }
    if (forbidden.length > 0) restrictions.push({ rule: ruleIndex, forbidden });
  }
  return restrictions;
}

function literalIntervals(literal: Literal): Interval[] {
  return literal.type === "compare" ? operatorIntervals(literal.op, literal.value) : [EVERYTHING];
}

function isForbidden(restrictions: NumericRestriction[], value: number): Interval | null {
  for (const restriction of restrictions) {
    for (const interval of restriction.forbidden) if (contains(interval, value)) return interval;
  }
  return null;
}

/**
 * The grid values nearest `from` going up (direction 1) or down (-1) that no restriction forbids.
 * Jumps over whole forbidden intervals, so it costs one step per interval, not per grid value.
 */
export function firstAllowed(
  group: CompiledNumericGroup,
  restrictions: NumericRestriction[],
  from: number,
  direction: 1 | -1,
): number | null {
  const lastStep = Math.floor((group.max - group.min) / group.step + EPSILON);
  let step = direction === 1 ? Math.ceil((from - group.min) / group.step - EPSILON) : Math.floor((from - group.min) / group.step + EPSILON);
  for (let guard = 0; guard < 1000; guard += 1) {
    if (step < 0 || step > lastStep) return null;
    const value = snapToGrid(group, step);
    const interval = isForbidden(restrictions, value);
    if (!interval) return value;
    const edge = direction === 1 ? interval.high : interval.low;
    if (!Number.isFinite(edge)) return null;
    const next = direction === 1 ? Math.ceil((edge - group.min) / group.step - EPSILON) : Math.floor((edge - group.min) / group.step + EPSILON);
    step = next === step ? step + direction : next;
  }
  return null;
}

/** The allowed grid value closest to `target` (ties go down), or null if none is allowed. */
export function nearestAllowed(group: CompiledNumericGroup, restrictions: NumericRestriction[], target: number): number | null {
  const clamped = Math.min(group.max, Math.max(group.min, target));
  const below = firstAllowed(group, restrictions, clamped, -1);
  const above = firstAllowed(group, restrictions, clamped, 1);
  if (below === null) return above;
  if (above === null) return below;
  return clamped - below <= above - clamped ? below : above;
}
