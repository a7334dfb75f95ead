import type { Assignment } from "./assignment";
import { explodeBillOfMaterials, type PartsLine } from "./bill-of-materials";
import { readChoice } from "./check-choice";
import { compileProduct } from "./compile/compile-product";
import type { CompiledProduct } from "./compile/compiled-product";
import { NO_OPTION } from "./compile/compiled-product";
import { completenessErrors } from "./completeness";
import type { Configuration } from "./configuration";
import { explainConflict, proposeFix, type ChoiceChange, type Conflict } from "./conflicts";
import { normalize, type InputError } from "./normalize";
import { groupStates, type GroupState } from "./option-availability";
import { priceConfiguration, type PriceBreakdown } from "./price";
import type { ProductDefinition } from "./product-definition";
import { routeConfiguration, type ProductionJobSpec } from "./routing";

export type ConfigurationErrorCode = InputError["code"] | "REQUIRED" | "TOO_FEW_PICKS" | "TOO_MANY_PICKS" | "RULE_VIOLATED";

/** Every error names the group it is about, so a form can put it next to the field. */
export interface ConfigurationError {
  group: string;
  code: ConfigurationErrorCode;
  message: string;
  ruleId?: string;
}

export interface Evaluation {
  productId: string;
  version: number;
  currency: string;
  /** Every group that has a value (choices, set by rules, defaults), in the product's group order. */
  configuration: Configuration;
  groups: GroupState[];
  /** Every required group has a value and every multi group has enough picks. */
  complete: boolean;
  /** Complete, no invalid input, no broken rule: this configuration can be ordered. */
  valid: boolean;
  errors: ConfigurationError[];
  conflicts: Conflict[];
  /** Changes to earlier values that would resolve every conflict, keeping the latest choices; null if none found. */
  fix: ChoiceChange[] | null;
  price: PriceBreakdown;
  partsList: PartsLine[];
  job: ProductionJobSpec;
  /** Sum of the chosen options' lead-time effects, in calendar days (may be negative). */
  leadTimeDays: number;
}

export interface EvaluateOptions {
  /** Units on the order line: 1 to 10 000. */
  quantity?: number;
}

export const MAX_QUANTITY = 10_000;

// evaluate runs on every click, so its fix is a quick look; applyChoice searches harder.
const QUICK_FIX = { budget: 30, maxChanges: 3 };

/**
 * The configurator's one question: given this product and these choices, what can still be
 * chosen and why not, is it complete and valid, what does it cost, and what will the factory
 * need. Pure and deterministic; the browser calls it on every change, the server at order time.
 */
export function evaluate(product: ProductDefinition, configuration: Configuration, options: EvaluateOptions = {}): Evaluation {
  return evaluateCompiled(compileProduct(product), configuration, options).evaluation;
}

export function evaluateCompiled(
  product: CompiledProduct,
  configuration: Readonly<Record<string, unknown>>,
  options: EvaluateOptions,
): { evaluation: Evaluation; assignment: Assignment } {
  const quantity = options.quantity ?? 1;
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
    throw new RangeError(`quantity must be an integer from 1 to ${MAX_QUANTITY}`);
  }
  const { assignment, inputErrors, setBy, truths } = normalize(product, configuration);

  const conflicts: Conflict[] = [];
  const errors: ConfigurationError[] = [...inputErrors];
  const kept = new Set<number>();
  for (const ruleIndex of truths.broken) {
    const rule = product.rules[ruleIndex]!;
    const conflict = explainConflict(product, assignment, rule);
    conflicts.push(conflict);
    const group = conflict.choice?.group ?? conflict.earlier[0]?.group ?? "";
    errors.push({ group, code: "RULE_VIOLATED", message: rule.message, ruleId: rule.id });
    const choiceIndex = conflict.choice ? product.groupIndex.get(conflict.choice.group) : undefined;
    if (choiceIndex !== undefined) kept.add(choiceIndex);
  }
  const missing = completenessErrors(product, assignment);
  errors.push(...missing);

  const normalized: Configuration = {};
  for (const group of product.groups) {
    const value = readChoice(group, assignment);
    if (value !== null) normalized[group.code] = value;
  }

  const evaluation: Evaluation = {
    productId: product.definition.id,
    version: product.definition.version,
    currency: product.definition.currency,
    configuration: normalized,
    groups: groupStates(product, assignment, setBy, truths),
    complete: missing.length === 0,
    valid: errors.length === 0,
    errors,
    conflicts,
    fix: conflicts.length === 0 ? [] : (proposeFix(product, assignment, [...kept], QUICK_FIX, truths.broken)?.changes ?? null),
    price: priceConfiguration(product, assignment, quantity),
    partsList: explodeBillOfMaterials(product, assignment, quantity),
    job: routeConfiguration(product, assignment, quantity),
    leadTimeDays: leadTimeDays(product, assignment),
  };
  return { evaluation, assignment };
}

function leadTimeDays(product: CompiledProduct, assignment: Assignment): number {
  let days = 0;
  for (const group of product.groups) {
    if (group.kind === "single") {
      const option = assignment.option[group.index] ?? NO_OPTION;
      if (option !== NO_OPTION) days += group.options[option]?.leadTimeDays ?? 0;
    } else if (group.kind === "multi") {
      const picks = assignment.picks[group.index];
      for (const option of group.options) if (picks?.[option.index] === 1) days += option.leadTimeDays;
    }
  }
  return days;
}
