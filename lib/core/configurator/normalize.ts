import type { Assignment } from "./assignment";
import { createAssignment, SOURCE, setPick } from "./assignment";
import { checkChoice, writeChoice, type ChoiceErrorCode } from "./check-choice";
import type { CompiledGroup, CompiledProduct, CompiledRule, CompiledSingleGroup } from "./compile/compiled-product";
import { NO_OPTION } from "./compile/compiled-product";
import { MAX_CONFIGURATION_ENTRIES } from "./configuration";
import { allTrue, isViolated, literalTruth, TRUE } from "./literal";
import { literalTruths, type LiteralTruths } from "./literal-truths";
import { nearestAllowed, numericRestrictions } from "./numeric-range";
import { breaksAsSingle } from "./option-availability";

export interface InputError {
  group: string;
  code: ChoiceErrorCode | "TOO_MANY_ENTRIES";
  message: string;
}

export interface Normalized {
  assignment: Assignment;
  inputErrors: InputError[];
  /** For each group, the set rule that gave it its value, or -1. */
  setBy: Int32Array;
  /** The literal pass over the final assignment (see literal-truths.ts). */
  truths: LiteralTruths;
}

/**
 * The configuration with its gaps filled, in order of authority: the customer's valid choices,
 * then values forced by `set` rules, then defaults. A default that breaks a rule under the
 * customer's choices is adjusted (the nearest allowed width, the first allowed colour) rather
 * than reported as the customer's conflict — nobody chose it.
 */
export function normalize(product: CompiledProduct, configuration: Readonly<Record<string, unknown>>): Normalized {
  const assignment = createAssignment(product);
  const inputErrors: InputError[] = [];
  let order = 0;
  for (const code of Object.keys(configuration)) {
    if (order >= MAX_CONFIGURATION_ENTRIES) {
      inputErrors.push({ group: code, code: "TOO_MANY_ENTRIES", message: `at most ${MAX_CONFIGURATION_ENTRIES} choices` });
      break;
    }
    const index = product.groupIndex.get(code);
    const group = index === undefined ? undefined : product.groups[index];
    if (!group) {
      inputErrors.push({ group: code, code: "UNKNOWN_GROUP", message: `there is no option group "${code.slice(0, 40)}"` });
      continue;
    }
    const check = checkChoice(group, configuration[code]);
    if (!check.ok) {
      inputErrors.push({ group: code, code: check.code, message: check.message });
      continue;
    }
    writeChoice(group, assignment, check.choice, SOURCE.choice);
    assignment.choiceOrder[group.index] = order;
    order += 1;
  }

  for (const group of product.groups) if (assignment.source[group.index] === SOURCE.empty) applyDefault(group, assignment);
  const setBy = new Int32Array(product.groups.length).fill(-1);
  applySetRules(product, assignment, setBy);
  let truths = literalTruths(product, assignment);
  if (adjustDefaults(product, assignment, truths)) {
    applySetRules(product, assignment, setBy);
    truths = literalTruths(product, assignment);
  }
  return { assignment, inputErrors, setBy, truths };
}

/**
 * Defaults and the set rules they trigger, without adjusting anything: what a customer sees
 * before choosing. Analysis checks it against the rules.
 */
export function defaultsOnly(product: CompiledProduct): { assignment: Assignment; setBy: Int32Array } {
  const assignment = createAssignment(product);
  for (const group of product.groups) applyDefault(group, assignment);
  const setBy = new Int32Array(product.groups.length).fill(-1);
  applySetRules(product, assignment, setBy);
  return { assignment, setBy };
}

function applyDefault(group: CompiledGroup, assignment: Assignment): void {
  const index = group.index;
  let applied = false;
  if (group.kind === "single" && group.defaultOption !== NO_OPTION) {
    assignment.option[index] = group.defaultOption;
    applied = true;
  } else if (group.kind === "multi" && group.defaultPicks.length > 0) {
    for (const option of group.defaultPicks) setPick(assignment, index, option, true);
    applied = true;
  } else if (group.kind === "numeric" && group.defaultValue !== null) {
    assignment.number[index] = group.defaultValue;
    applied = true;
  } else if (group.kind === "text" && group.defaultValue !== "") {
    assignment.text[index] = group.defaultValue;
    applied = true;
  }
  if (applied) assignment.source[index] = SOURCE.default;
}

/**
 * Fires set rules until nothing changes. A rule never overrides the customer's own choice (that
 * is a conflict to report) nor a value another set rule gave first (declaration order decides).
 * Bounded: each pass either fires a new rule or stops.
 */
export function applySetRules(product: CompiledProduct, assignment: Assignment, setBy: Int32Array): void {
  for (let pass = 0; pass <= product.setRules.length; pass += 1) {
    let changed = false;
    for (const ruleIndex of product.setRules) {
      const rule = product.rules[ruleIndex];
      if (!rule?.target) continue;
      const target = rule.target.group;
      if (assignment.source[target] === SOURCE.choice) continue;
      const owner = setBy[target] ?? -1;
      if (owner !== -1 && owner !== ruleIndex) continue;
      if (!allTrue(rule.when, assignment)) continue;
      if (assignTarget(rule, assignment)) changed = true;
      setBy[target] = ruleIndex;
      assignment.source[target] = SOURCE.rule;
    }
    if (!changed) return;
  }
}

function assignTarget(rule: CompiledRule, assignment: Assignment): boolean {
  if (!rule.target) return false;
  const { group, value } = rule.target;
  if (value.kind === "option") {
    if (assignment.picks[group]?.length) {
      if (assignment.picks[group]?.[value.option] === 1) return false;
      setPick(assignment, group, value.option, true);
      return true;
    }
    if (assignment.option[group] === value.option) return false;
    assignment.option[group] = value.option;
    return true;
  }
  if (value.kind === "number") {
    if (assignment.number[group] === value.value) return false;
    assignment.number[group] = value.value;
    return true;
  }
  if (assignment.text[group] === value.value) return false;
  assignment.text[group] = value.value;
  return true;
}

function violatesAny(product: CompiledProduct, group: CompiledGroup, assignment: Assignment): number {
  let violated = 0;
  for (const ruleIndex of group.rules) {
    const rule = product.rules[ruleIndex];
    if (rule && isViolated(rule, assignment)) violated += 1;
  }
  return violated;
}

/** Moves defaults that break a rule to the nearest value that does not. Returns whether any moved. */
function adjustDefaults(product: CompiledProduct, assignment: Assignment, truths: LiteralTruths): boolean {
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
function blockedSingleOptions(product: CompiledProduct, group: CompiledSingleGroup, assignment: Assignment): Uint8Array {
  const blocked = new Uint8Array(group.options.length);
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
