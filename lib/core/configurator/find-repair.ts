import type { Assignment } from "./assignment";
import { cloneAssignment, SOURCE, setPick } from "./assignment";
import type { CompiledGroup, CompiledProduct, Literal } from "./compile/compiled-product";
import { NO_OPTION } from "./compile/compiled-product";
import { isViolated } from "./literal";
import { nearestAllowed, operatorIntervals } from "./numeric-range";

export interface Repair {
  assignment: Assignment;
  /** Groups whose value the repair changed, in the order it changed them. */
  changed: number[];
}

export interface RepairLimits {
  /** Search nodes; the repair runs on every conflicting evaluate, so it must stay cheap. */
  budget: number;
  maxChanges: number;
}

export const DEFAULT_LIMITS: RepairLimits = { budget: 400, maxChanges: 4 };
// Changing something the customer chose costs more than moving a default or a rule's value.
const CHOICE_COST = 10;
const OTHER_COST = 1;
const MAX_CANDIDATES = 6;

type Candidate = (assignment: Assignment) => void;

/**
 * The cheapest set of changes (at most `maxChanges` groups, never a `fixed` one) after which no
 * rule is broken, found by a bounded depth-first search that repairs one broken rule at a time:
 * it tries to falsify each of the rule's literals on a group it may still change. Cheapest means
 * fewest changed customer choices, then fewest changes. Null when none is found within budget.
 */
export function findRepair(
  product: CompiledProduct,
  start: Assignment,
  fixed: ReadonlySet<number>,
  limits: RepairLimits = DEFAULT_LIMITS,
  /** The rules broken at the start, when the caller already knows them. */
  broken?: readonly number[],
): Repair | null {
  const work = cloneAssignment(start);
  const violated = new Set<number>(broken ?? product.rules.filter((rule) => isViolated(rule, work)).map((rule) => rule.index));
  if (violated.size === 0) return { assignment: work, changed: [] };

  const changed: number[] = [];
  let best: Repair | null = null;
  let bestCost = Infinity;
  let nodes = 0;

  const recheck = (group: CompiledGroup) => {
    for (const ruleIndex of group.rules) {
      const rule = product.rules[ruleIndex];
      if (!rule) continue;
      if (isViolated(rule, work)) violated.add(ruleIndex);
      else violated.delete(ruleIndex);
    }
  };

  const search = (cost: number) => {
    nodes += 1;
    if (violated.size === 0) {
      if (cost < bestCost) {
        bestCost = cost;
        best = { assignment: cloneAssignment(work), changed: [...changed] };
      }
      return;
    }
    if (nodes > limits.budget || changed.length >= limits.maxChanges || cost + OTHER_COST >= bestCost) return;
    const ruleIndex = violated.values().next().value as number;
    const rule = product.rules[ruleIndex];
    if (!rule) return;
    for (const literal of rule.literals) {
      const group = product.groups[literal.group];
      if (!group || fixed.has(group.index) || changed.includes(group.index)) continue;
      const step = start.source[group.index] === SOURCE.choice ? CHOICE_COST : OTHER_COST;
      for (const candidate of falsifyingCandidates(literal, group, work)) {
        const saved = saveGroup(group, work);
        candidate(work);
        work.source[group.index] = SOURCE.choice;
        changed.push(group.index);
        recheck(group);
        search(cost + step);
        changed.pop();
        restoreGroup(group, work, saved);
        recheck(group);
        if (nodes > limits.budget) return;
      }
    }
  };

  search(0);
  return best;
}

interface SavedGroup {
  option: number;
  picks: number[] | null;
  pickCount: number;
  number: number;
  text: string;
  source: number;
}

function saveGroup(group: CompiledGroup, assignment: Assignment): SavedGroup {
  const index = group.index;
  return {
    option: assignment.option[index] ?? NO_OPTION,
    picks: group.kind === "multi" ? (assignment.picks[index]?.slice() ?? null) : null,
    pickCount: assignment.pickCount[index] ?? 0,
    number: assignment.number[index] ?? Number.NaN,
    text: assignment.text[index] ?? "",
    source: assignment.source[index] ?? SOURCE.empty,
  };
}

function restoreGroup(group: CompiledGroup, assignment: Assignment, saved: SavedGroup): void {
  const index = group.index;
  assignment.option[index] = saved.option;
  if (saved.picks) assignment.picks[index] = saved.picks.slice();
  assignment.pickCount[index] = saved.pickCount;
  assignment.number[index] = saved.number;
  assignment.text[index] = saved.text;
  assignment.source[index] = saved.source;
}

/** Values of the literal's group that make the literal false, most plausible first. */
function falsifyingCandidates(literal: Literal, group: CompiledGroup, assignment: Assignment): Candidate[] {
  const index = group.index;
  const candidates: Candidate[] = [];
  if (literal.type === "option" && group.kind === "single") {
    const current = assignment.option[index] ?? NO_OPTION;
    const wanted = literal.negated ? 1 : 0;
    // The default is the most plausible replacement, then declaration order.
    const order = group.options.map((option) => option.index);
    if (group.defaultOption !== NO_OPTION) order.sort((a, b) => Number(b === group.defaultOption) - Number(a === group.defaultOption));
    for (const option of order) {
      if (candidates.length >= MAX_CANDIDATES) break;
      if (option === current || literal.mask[option] !== wanted) continue;
      candidates.push((a) => {
        a.option[index] = option;
      });
    }
    if (!literal.negated && !group.required && current !== NO_OPTION) {
      candidates.push((a) => {
        a.option[index] = NO_OPTION;
      });
    }
  } else if (literal.type === "option" && group.kind === "multi") {
    if (!literal.negated) {
      candidates.push((a) => {
        for (const option of literal.maskIndices) setPick(a, index, option, false);
      });
    } else if ((assignment.pickCount[index] ?? 0) < group.maxPicks) {
      for (const option of literal.maskIndices.slice(0, MAX_CANDIDATES)) {
        candidates.push((a) => setPick(a, index, option, true));
      }
    }
  } else if (literal.type === "compare" && group.kind === "numeric") {
    const current = assignment.number[index] ?? Number.NaN;
    const forbidden = [{ rule: -1, forbidden: operatorIntervals(literal.op, literal.value) }];
    const target = Number.isNaN(current) ? (group.defaultValue ?? literal.value) : current;
    const value = nearestAllowed(group, forbidden, target);
    if (value !== null && value !== current) {
      candidates.push((a) => {
        a.number[index] = value;
      });
    }
    if (!literal.whenEmpty && !group.required && !Number.isNaN(current)) {
      candidates.push((a) => {
        a.number[index] = Number.NaN;
      });
    }
  } else if (literal.type === "text" && group.kind === "text") {
    if (literal.test === "filled" && !group.required) {
      candidates.push((a) => {
        a.text[index] = "";
      });
    } else if (literal.test === "differs") {
      candidates.push((a) => {
        a.text[index] = literal.text;
      });
    }
  }
  return candidates;
}
