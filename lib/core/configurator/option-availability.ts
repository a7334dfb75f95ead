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
import type { LiteralTruths } from "./literal-truths";
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
export function groupStates(product: CompiledProduct, assignment: Assignment, setBy: Int32Array, truths: LiteralTruths): GroupState[] {
  const states: GroupState[] = [];
  for (const group of product.groups) states.push(groupState(product, group, assignment, setBy, truths));
  return states;
}

function groupState(product: CompiledProduct, group: CompiledGroup, assignment: Assignment, setBy: Int32Array, truths: LiteralTruths): GroupState {
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
  const blockers: (Blocker[] | null)[] = new Array<Blocker[] | null>(group.options.length).fill(null);
  const picks = assignment.picks[group.index];
  const chosen = assignment.option[group.index];
  for (const ruleIndex of truths.armed[group.index]!) {
    const rule = product.rules[ruleIndex]!;
    const only = rule.groups.length === rule.literals.length ? literalOn(rule, group.index) : null;
    if (group.kind === "single" && only !== null && !only.negated) {
      // The common case, one literal "option in mask": exactly the mask's options break the rule.
      for (const option of only.maskIndices) addBlocker(blockers, option, rule);
      continue;
    }
    for (const option of group.options) {
      const blocked = group.kind === "single" ? breaksAsSingle(rule, group.index, option.index) : breaksAsPick(rule, group.index, option.index, picks);
      if (blocked) addBlocker(blockers, option.index, rule);
    }
  }
  const options = new Array<OptionState>(group.options.length);
  for (const option of group.options) {
    const blockedBy = blockers[option.index] ?? NO_BLOCKERS;
    options[option.index] = {
      code: option.code,
      label: option.label,
      priceDelta: option.priceDelta,
      selected: group.kind === "single" ? chosen === option.index : picks?.[option.index] === 1,
      available: blockedBy.length === 0,
      blockedBy,
    };
  }
  return group.kind === "single"
    ? { ...base, kind: "single", options }
    : { ...base, kind: "multi", minPicks: group.minPicks, maxPicks: group.maxPicks, options };
}

/** The rule's one literal on the group, when each of its literals tests a different group. */
function literalOn(rule: CompiledRule, group: number): Literal | null {
  for (const literal of rule.literals) if (literal.group === group) return literal;
  return null;
}

function addBlocker(blockers: (Blocker[] | null)[], option: number, rule: CompiledRule): void {
  const list = blockers[option];
  if (list) list.push(rule.blocker);
  else blockers[option] = [rule.blocker];
}

/** Choosing this option makes every literal of the rule on its group true. */
function breaksAsSingle(rule: CompiledRule, group: number, option: number): boolean {
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
function breaksAsPick(rule: CompiledRule, group: number, option: number, picks: Uint8Array | undefined): boolean {
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
  const restrictions = restrictionsOf(product, group, truths.armed[group.index]!);
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
  for (const ruleIndex of truths.armed[group.index]!) {
    const rule = product.rules[ruleIndex]!;
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
