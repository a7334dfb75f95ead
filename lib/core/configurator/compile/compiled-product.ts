import type { ComparisonOperator } from "../definition/condition-schema";
import type { Option } from "../definition/option-group-schema";
import type { ProductDefinition } from "../product-definition";

/** An index over a product definition, built once per definition so evaluate does no lookups. */
export interface CompiledProduct {
  definition: ProductDefinition;
  groups: CompiledGroup[];
  groupIndex: Map<string, number>;
  rules: CompiledRule[];
  /** Indices of `set` rules, in declaration order (earlier rules win a tie). */
  setRules: number[];
  priceRules: CompiledPriceRule[];
  bom: CompiledBomLine[];
  routingExtras: { when: Literal; minutes: number; capabilities: string[] }[];
  familyGroup: number | null;
  /** Literals over all rules, for flat per-literal arrays. */
  literalCount: number;
  /** Every rule's literals in one flat list, rule after rule: one tight loop reads them all. */
  literals: Literal[];
  /** Per flat literal, its rule's index. */
  literalRule: Int32Array;
  /** Per group, 1 when it can be open: required and not multi (see assignment.ts). */
  openable: Uint8Array;
  /** Scratch for literal-truths.ts, one slot per rule; allocated once, never returned. */
  scratchPending: Int32Array;
}

export interface CompiledOption {
  index: number;
  code: string;
  label: string;
  priceDelta: number;
  leadTimeDays: number;
  familyVariant: string;
  definition: Option;
}

interface GroupBase {
  index: number;
  code: string;
  label: string;
  required: boolean;
  /** Rules with a literal on this group: the only ones a change here can affect. */
  rules: number[];
  /** Parallel to `rules`: the positions of that rule's literals that test this group. */
  ruleLiterals: number[][];
}

export interface CompiledSingleGroup extends GroupBase {
  kind: "single";
  options: CompiledOption[];
  optionIndex: Map<string, number>;
  defaultOption: number;
}

export interface CompiledMultiGroup extends GroupBase {
  kind: "multi";
  options: CompiledOption[];
  optionIndex: Map<string, number>;
  minPicks: number;
  maxPicks: number;
  defaultPicks: number[];
}

export interface CompiledNumericGroup extends GroupBase {
  kind: "numeric";
  min: number;
  max: number;
  step: number;
  unit: string;
  defaultValue: number | null;
}

export interface CompiledTextGroup extends GroupBase {
  kind: "text";
  maxLength: number;
  allowedCharacters: string;
  letterCase: "as-typed" | "upper";
  defaultValue: string;
}

export type CompiledGroup = CompiledSingleGroup | CompiledMultiGroup | CompiledNumericGroup | CompiledTextGroup;
export type CompiledChoiceGroup = CompiledSingleGroup | CompiledMultiGroup;

/**
 * A test on one group's value. Rules are compiled into "nogoods": a rule is violated exactly
 * when all its literals are true. Every literal has every field (see makeLiteral) so the hot
 * loops see one object shape; `type` says which fields mean something:
 * - option: single — the chosen option is in `mask`; multi — some pick is. `negated` flips it;
 *   an empty group is in no mask.
 * - compare: `value op constant`; an empty numeric group gives `whenEmpty`.
 * - text: `test` on the text, an empty group being "".
 */
export interface Literal {
  type: "option" | "compare" | "text";
  group: number;
  mask: Uint8Array;
  maskIndices: number[];
  negated: boolean;
  op: ComparisonOperator;
  value: number;
  whenEmpty: boolean;
  test: "filled" | "empty" | "differs";
  text: string;
}

const NO_MASK = new Uint8Array(0);

export function makeLiteral(fields: Pick<Literal, "type" | "group"> & Partial<Literal>): Literal {
  return {
    type: fields.type,
    group: fields.group,
    mask: fields.mask ?? NO_MASK,
    maskIndices: fields.maskIndices ?? [],
    negated: fields.negated ?? false,
    op: fields.op ?? "=",
    value: fields.value ?? 0,
    whenEmpty: fields.whenEmpty ?? false,
    test: fields.test ?? "filled",
    text: fields.text ?? "",
  };
}

export type SetValue =
  | { kind: "option"; option: number }
  | { kind: "number"; value: number }
  | { kind: "text"; value: string };

export interface CompiledRule {
  index: number;
  id: string;
  kind: ProductDefinition["rules"][number]["kind"];
  message: string;
  literals: Literal[];
  /** Distinct groups the literals test, in literal order. */
  groups: number[];
  /** Shared by every option the rule blocks, so reporting a block allocates nothing. */
  blocker: Readonly<{ ruleId: string; message: string }>;
  /** Index of the rule's first literal in flat per-literal arrays (see literal-truths.ts). */
  literalOffset: number;
  /** Set rules only: the condition part and what it sets. */
  when: Literal[];
  target: { group: number; value: SetValue } | null;
}

export type CompiledPriceRule =
  | { kind: "surcharge"; id: string; label: string; when: Literal[]; amount: number }
  | { kind: "per-unit"; id: string; label: string; group: number; above: number; per: number; amount: number }
  | { kind: "percentage"; id: string; label: string; when: Literal[]; basisPoints: number }
  | { kind: "quantity-break"; id: string; label: string; breaks: { minQuantity: number; basisPoints: number }[] };

export interface CompiledBomLine {
  partNumber: string;
  quantity: number;
  when: Literal | null;
  scaleBy: { group: number; factor: number; roundUpTo: number | null } | null;
}

export const NO_OPTION = -1;
