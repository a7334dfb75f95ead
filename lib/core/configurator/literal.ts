import type { Assignment } from "./assignment";
import type { CompiledRule, Literal } from "./compile/compiled-product";
import type { ComparisonOperator } from "./definition/condition-schema";

export const FALSE = 0;
export const TRUE = 1;
export const UNKNOWN = 2;
export type Truth = typeof FALSE | typeof TRUE | typeof UNKNOWN;

// Grid values are snapped, constants come from the definition: equal within float noise is equal.
const EPSILON = 1e-9;

export function compare(left: number, op: ComparisonOperator, right: number): boolean {
  switch (op) {
    case "<":
      return left < right - EPSILON;
    case "<=":
      return left <= right + EPSILON;
    case ">":
      return left > right + EPSILON;
    case ">=":
      return left >= right - EPSILON;
    case "=":
      return Math.abs(left - right) <= EPSILON;
    case "!=":
      return Math.abs(left - right) > EPSILON;
  }
}

/** Whether some pick of a multi group is in the literal's mask. */
export function anyPickInMask(literal: Literal, picks: readonly number[]): boolean {
  for (const option of literal.maskIndices) if (picks[option] === 1) return true;
  return false;
}

/**
 * Three-valued: an open group (required, no value yet) makes its literals UNKNOWN. The open
 * check is folded into each case because this runs thousands of times per evaluate.
 */
export function literalTruth(literal: Literal, assignment: Assignment): Truth {
  const index = literal.group;
  switch (literal.type) {
    case "option": {
      const picks = assignment.picks[index]!;
      if (picks.length > 0) return anyPickInMask(literal, picks) !== literal.negated ? TRUE : FALSE;
      const option = assignment.option[index]!;
      if (option < 0) return assignment.required[index] === 1 ? UNKNOWN : literal.negated ? TRUE : FALSE;
      return (literal.mask[option] === 1) !== literal.negated ? TRUE : FALSE;
    }
    case "compare": {
      const value = assignment.number[index]!;
      if (Number.isNaN(value)) return assignment.required[index] === 1 ? UNKNOWN : literal.whenEmpty ? TRUE : FALSE;
      return compare(value, literal.op, literal.value) ? TRUE : FALSE;
    }
    case "text": {
      const text = assignment.text[index]!;
      if (text === "" && assignment.required[index] === 1) return UNKNOWN;
      if (literal.test === "filled") return text !== "" ? TRUE : FALSE;
      if (literal.test === "empty") return text === "" ? TRUE : FALSE;
      return text !== literal.text ? TRUE : FALSE;
    }
  }
}

/** All literals true: the rule is broken. Unknown literals (open groups) never break a rule. */
export function isViolated(rule: CompiledRule, assignment: Assignment): boolean {
  return allTrue(rule.literals, assignment);
}

export function allTrue(literals: Literal[], assignment: Assignment): boolean {
  // Indexed, not for-of: these little arrays come in many shapes and for-of does not inline well.
  for (let i = 0; i < literals.length; i += 1) if (literalTruth(literals[i]!, assignment) !== TRUE) return false;
  return true;
}
