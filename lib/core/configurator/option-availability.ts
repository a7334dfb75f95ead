import type { Assignment, ValueSource } from "./assignment";
import { sourceName } from "./assignment";
import { readChoice } from "./check-choice";
import type {
  CompiledChoiceGroup,
  CompiledGroup,
  CompiledNumericGroup,
  CompiledProduct,
  CompiledRule,
  CompiledTextGroup,
  Literal,
} from "./compile/compiled-product";
import type { ChoiceValue } from "./configuration";
import { armedFor, type LiteralTruths } from "./literal-truths";
import { firstAllowed, restrictionsOf } from "./numeric-range";

export interface Blocker {
  ruleId: string;
  message: string;
}

export interface OptionState {
  code: string;
  label: string;
  priceDelta: number;
  selected: boolean;
  available: boolean;
  blockedBy: Blocker[];
}

interface GroupStateBase {
  code: string;
  label: string;
  required: boolean;
  value: ChoiceValue | null;
  source: ValueSource | null;
  /** The set rule that gave the value, when source is "rule". */
  setByRule: string | null;
}

export type GroupState =
  | (GroupStateBase & { kind: "single"; options: OptionState[] })
  | (GroupStateBase & { kind: "multi"; minPicks: number; maxPicks: number; options: OptionState[] })
  | (GroupStateBase & {
      kind: "numeric";
      min: number;
      max: number;
      step: number;
      unit: string;
      /** The allowed grid values' bounds under the other choices; null when none is allowed. */
      allowedMin: number | null;
      allowedMax: number | null;
      blockedBy: Blocker[];
    })
  | (GroupStateBase & { kind: "text"; maxLength: number; allowedCharacters: string; available: boolean; blockedBy: Blocker[] });

const NO_BLOCKERS: Blocker[] = Object.freeze([]) as unknown as Blocker[];

/**
 * For every option: could it be chosen now, keeping every other group as it is? If not, the
 * messages of the rules that would break. Groups still open (required, not chosen yet) count as
 * undecided, so they block nothing until chosen.
 */
export function groupStates(product: CompiledProduct, assignment: Assignment, setBy: readonly number[], truths: LiteralTruths): GroupState[] {
  const states: GroupState[] = [];
  for (const group of product.groups) states.push(groupState(product, group, assignment, setBy, truths));
  return states;
}

function groupState(product: CompiledProduct, group: CompiledGroup, assignment: Assignment, setBy: readonly number[], truths: LiteralTruths): GroupState {
  const base: GroupStateBase = {
    code: group.code,
    label: group.label,
    required: group.required,
    value: readChoice(group, assignment),
    source: sourceName(assignment.source[group.index] ?? 0),
    setByRule: (setBy[group.index] ?? -1) >= 0 ? (product.rules[setBy[group.index]!]?.id ?? null) : null,
  };
  switch (group.kind) {
    case "single":
    case "multi":
      return choiceGroupState(product, group, assignment, base, truths);
    case "numeric":
      return numericGroupState(product, group, base, truths);
    case "text":
      return textGroupState(product, group, base, truths);
  }
}

function choiceGroupState(
  product: CompiledProduct,
  group: CompiledChoiceGroup,
  assignment: Assignment,
  base: GroupStateBase,
  truths: LiteralTruths,
): GroupState {
  const picks = assignment.picks[group.index];
  const chosen = assignment.option[group.index];
  // Most options are free and not chosen: they share one frozen state object per option, so
  // evaluate allocates only for the chosen and the blocked ones (allocation is its tail latency).
  const free = freeStates(group);
  const options: OptionState[] = [];
  for (const option of group.options) {
    const selected = group.kind === "single" ? chosen === option.index : picks?.[option.index] === 1;
    options.push(selected ? { ...free[option.index]!, selected: true } : free[option.index]!);
  }
  const { armedRules, armedStart } = truths;
  for (let a = armedStart[group.index]!; a < armedStart[group.index + 1]!; a += 1) {
    const rule = product.rules[armedRules[a]!]!;
    const only = rule.groups.length === rule.literals.length ? literalOn(rule, group.index) : null;
    if (only !== null) {
      blockByOneLiteral(group, only, picks, rule, options);
      continue;
    }
    for (const option of group.options) {
      const blocked = group.kind === "single" ? breaksAsSingle(rule, group.index, option.index) : breaksAsPick(rule, group.index, option.index, picks);
      if (blocked) addBlocker(options, option.index, rule);
    }
  }
  const { code, label, required, value, source, setByRule } = base;
  return group.kind === "single"
    ? { code, label, required, value, source, setByRule, kind: "single", options }
    : { code, label, required, value, source, setByRule, kind: "multi", minPicks: group.minPicks, maxPicks: group.maxPicks, options };
}

/**
 * The common case, a rule with one literal on this group, without looping over every option:
 * single — the options in the mask (or, negated, outside it) break the rule; multi — adding a
 * pick can only break "some pick in the mask", and only while no other pick already is in it.
 */
function blockByOneLiteral(
  group: CompiledChoiceGroup,
  literal: Literal,
  picks: readonly number[] | undefined,
  rule: CompiledRule,
  blockers: OptionState[],
): void {
  if (group.kind === "single") {
    if (!literal.negated) for (const option of literal.maskIndices) addBlocker(blockers, option, rule);
    else for (let option = 0; option < group.options.length; option += 1) if (literal.mask[option] !== 1) addBlocker(blockers, option, rule);
    return;
  }
  if (literal.negated) return;
  let pickedInMask = 0;
  let onlyPick = -1;
  for (const option of literal.maskIndices) {
    if (picks?.[option] === 1) {
      pickedInMask += 1;
      onlyPick = option;
    }
  }
  if (pickedInMask === 0) for (const option of literal.maskIndices) addBlocker(blockers, option, rule);
  else if (pickedInMask === 1) addBlocker(blockers, onlyPick, rule);
}

/** The rule's one literal on the group, when each of its literals tests a different group. */
function literalOn(rule: CompiledRule, group: number): Literal | null {
  for (const literal of rule.literals) if (literal.group === group) return literal;
  return null;
}

function addBlocker(options: OptionState[], option: number, rule: CompiledRule): void {
  const state = options[option]!;
  // A still-available state may be the shared frozen one: replace it rather than change it.
  if (state.available) options[option] = { ...state, available: false, blockedBy: [rule.blocker] };
  else state.blockedBy.push(rule.blocker);
}

const freeStateCache = new WeakMap<CompiledChoiceGroup, OptionState[]>();

function freeStates(group: CompiledChoiceGroup): OptionState[] {
  let states = freeStateCache.get(group);
  if (!states) {
    states = group.options.map((option) =>
      Object.freeze({ code: option.code, label: option.label, priceDelta: option.priceDelta, selected: false, available: true, blockedBy: NO_BLOCKERS }),
    );
    freeStateCache.set(group, states);
  }
  return states;
}

/** Choosing this option makes every literal of the rule on its group true. */
export function breaksAsSingle(rule: CompiledRule, group: number, option: number): boolean {
  for (const literal of rule.literals) {
    if (literal.group !== group || literal.type !== "option") continue;
    if ((literal.mask[option] === 1) === literal.negated) return false;
  }
  return true;
}

/**
 * Picking this option breaks the rule and leaving it out would not: a multi option is blocked
 * only for what it contributes, not for a conflict its neighbours already have.
 */
function breaksAsPick(rule: CompiledRule, group: number, option: number, picks: readonly number[] | undefined): boolean {
  let withOption = true;
  let withoutOption = true;
  for (const literal of rule.literals) {
    if (literal.group !== group || literal.type !== "option") continue;
    let others = false;
    for (const index of literal.maskIndices) {
      if (index !== option && picks?.[index] === 1) {
        others = true;
        break;
      }
    }
    const inMask = literal.mask[option] === 1;
    if ((others || inMask) === literal.negated) withOption = false;
    if (others === literal.negated) withoutOption = false;
    if (!withOption) return false;
  }
  return withOption && !withoutOption;
}

function numericGroupState(product: CompiledProduct, group: CompiledNumericGroup, base: GroupStateBase, truths: LiteralTruths): GroupState {
  const restrictions = restrictionsOf(product, group, armedFor(truths, group.index));
  return {
    ...base,
    kind: "numeric",
    min: group.min,
    max: group.max,
    step: group.step,
    unit: group.unit,
    allowedMin: firstAllowed(group, restrictions, group.min, 1),
    allowedMax: firstAllowed(group, restrictions, group.max, -1),
    blockedBy:
      restrictions.length === 0
        ? NO_BLOCKERS
        : restrictions.map((restriction) => {
            return product.rules[restriction.rule]!.blocker;
          }),
  };
}

function textGroupState(product: CompiledProduct, group: CompiledTextGroup, base: GroupStateBase, truths: LiteralTruths): GroupState {
  let blockedBy = NO_BLOCKERS;
  const { armedRules, armedStart } = truths;
  for (let a = armedStart[group.index]!; a < armedStart[group.index + 1]!; a += 1) {
    const rule = product.rules[armedRules[a]!]!;
    // Would filling the field in (with text other than any set value) break the rule?
    const breaks = rule.literals.every((literal) => literal.group !== group.index || literal.type !== "text" || literal.test !== "empty");
    if (breaks) blockedBy = [...blockedBy, rule.blocker];
  }
  return {
    ...base,
    kind: "text",
    maxLength: group.maxLength,
    allowedCharacters: group.allowedCharacters,
    available: blockedBy.length === 0,
    blockedBy,
  };
}
