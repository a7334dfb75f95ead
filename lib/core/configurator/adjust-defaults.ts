import type { Assignment } from "./assignment";
import { SOURCE, setPick } from "./assignment";
import type { CompiledGroup, CompiledProduct, CompiledSingleGroup } from "./compile/compiled-product";
import { NO_OPTION } from "./compile/compiled-product";
import { isViolated, literalTruth, TRUE } from "./literal";
import type { LiteralTruths } from "./literal-truths";
import { nearestAllowed, numericRestrictions } from "./numeric-range";
import { breaksAsSingle } from "./option-availability";

function violatesAny(product: CompiledProduct, group: CompiledGroup, assignment: Assignment): number {
  let violated = 0;
  for (const ruleIndex of group.rules) {
    const rule = product.rules[ruleIndex];
    if (rule && isViolated(rule, assignment)) violated += 1;
  }
  return violated;
}

/**
 * Moves defaults that break a rule under the customer's choices to the nearest value that does
 * not: the first allowed option, the nearest allowed number, a dropped pick, an empty text.
 * Returns whether any moved.
 */
export function adjustDefaults(product: CompiledProduct, assignment: Assignment, truths: LiteralTruths): boolean {
  // The literal pass finds the defaults worth a closer look; most evaluations have none.
  const suspects = new Set<number>();
  for (const ruleIndex of truths.broken) {
    for (const group of product.rules[ruleIndex]!.groups) if (assignment.source[group] === SOURCE.default) suspects.add(group);
  }
  if (suspects.size === 0) return false;
  let movedAny = false;
  for (const group of product.groups) {
    if (!suspects.has(group.index) || assignment.source[group.index] !== SOURCE.default) continue;
    const broken = violatesAny(product, group, assignment);
    if (broken === 0 || !adjustDefault(product, group, assignment, broken)) continue;
    movedAny = true;
    assignment.source[group.index] = hasAnyValue(group, assignment) ? SOURCE.adjusted : SOURCE.empty;
  }
  return movedAny;
}

function hasAnyValue(group: CompiledGroup, assignment: Assignment): boolean {
  const index = group.index;
  if (group.kind === "single") return assignment.option[index] !== NO_OPTION;
  if (group.kind === "multi") return (assignment.pickCount[index] ?? 0) > 0;
  if (group.kind === "numeric") return !Number.isNaN(assignment.number[index] ?? Number.NaN);
  return assignment.text[index] !== "";
}

/** Options of a single group that would break a rule with every other group as it is. */
function blockedSingleOptions(product: CompiledProduct, group: CompiledSingleGroup, assignment: Assignment): number[] {
  const blocked = new Array<number>(group.options.length).fill(0);
  for (const ruleIndex of group.rules) {
    const rule = product.rules[ruleIndex]!;
    let armed = true;
    for (const literal of rule.literals) {
      if (literal.group !== group.index && literalTruth(literal, assignment) !== TRUE) {
        armed = false;
        break;
      }
    }
    if (!armed) continue;
    for (const option of group.options) if (breaksAsSingle(rule, group.index, option.index)) blocked[option.index] = 1;
  }
  return blocked;
}

function adjustDefault(product: CompiledProduct, group: CompiledGroup, assignment: Assignment, broken: number): boolean {
  const index = group.index;
  if (group.kind === "single") {
    const original = assignment.option[index] ?? NO_OPTION;
    const blocked = blockedSingleOptions(product, group, assignment);
    const replacement = group.options.find((option) => option.index !== original && blocked[option.index] === 0);
    if (replacement) {
      assignment.option[index] = replacement.index;
      return true;
    }
    if (!group.required) {
      assignment.option[index] = NO_OPTION;
      if (violatesAny(product, group, assignment) === 0) return true;
    }
    assignment.option[index] = original;
    return false;
  }
  if (group.kind === "multi") {
    let remaining = broken;
    let moved = false;
    for (const option of group.options) {
      if (remaining === 0) break;
      if (assignment.picks[index]?.[option.index] !== 1) continue;
      setPick(assignment, index, option.index, false);
      const now = violatesAny(product, group, assignment);
      if (now < remaining) {
        remaining = now;
        moved = true;
      } else {
        setPick(assignment, index, option.index, true);
      }
    }
    return moved;
  }
  if (group.kind === "numeric") {
    const value = assignment.number[index] ?? Number.NaN;
    const nearest = nearestAllowed(group, numericRestrictions(product, group, assignment), value);
    if (nearest !== null && nearest !== value) {
      assignment.number[index] = nearest;
      return true;
    }
    if (nearest === null && !group.required) {
      assignment.number[index] = Number.NaN;
      return true;
    }
    return false;
  }
  if (group.required) return false;
  const text = assignment.text[index] ?? "";
  assignment.text[index] = "";
  if (violatesAny(product, group, assignment) === 0) return true;
  assignment.text[index] = text;
  return false;
}
