import type { Assignment } from "./assignment";
import { createAssignment, SOURCE, setPick } from "./assignment";
import { checkChoice, writeChoice, type ChoiceErrorCode } from "./check-choice";
import type { CompiledGroup, CompiledProduct, CompiledRule } from "./compile/compiled-product";
import { NO_OPTION } from "./compile/compiled-product";
import { MAX_CONFIGURATION_ENTRIES } from "./configuration";
import { allTrue } from "./literal";
import { literalTruths, type LiteralTruths } from "./literal-truths";
import { adjustDefaults } from "./adjust-defaults";

export interface InputError {
  group: string;
  code: ChoiceErrorCode | "TOO_MANY_ENTRIES";
  message: string;
}

export interface Normalized {
  assignment: Assignment;
  inputErrors: InputError[];
  /** For each group, the set rule that gave it its value, or -1. */
  setBy: number[];
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
  const setBy = new Array<number>(product.groups.length).fill(-1);
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
export function defaultsOnly(product: CompiledProduct): { assignment: Assignment; setBy: number[] } {
  const assignment = createAssignment(product);
  for (const group of product.groups) applyDefault(group, assignment);
  const setBy = new Array<number>(product.groups.length).fill(-1);
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
export function applySetRules(product: CompiledProduct, assignment: Assignment, setBy: number[]): void {
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

