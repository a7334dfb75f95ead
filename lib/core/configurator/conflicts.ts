import type { Assignment, ValueSource } from "./assignment";
import { SOURCE, sourceName } from "./assignment";
import { readChoice } from "./check-choice";
import type { CompiledProduct, CompiledRule } from "./compile/compiled-product";
import type { ChoiceValue } from "./configuration";
import { DEFAULT_LIMITS, findRepair, type RepairLimits } from "./find-repair";

export interface InvolvedValue {
  group: string;
  value: ChoiceValue | null;
  source: ValueSource | null;
}

/**
 * A broken rule, told from the customer's side: `choice` is their most recent choice the rule
 * involves; `earlier` are the other values it involves — changing any one of them resolves it.
 * `choice` is null when only defaults and rule-set values are involved (a product problem).
 */
export interface Conflict {
  ruleId: string;
  message: string;
  choice: InvolvedValue | null;
  earlier: InvolvedValue[];
}

/** One change a fix makes: "this changes your earlier choice of door from french to single". */
export interface ChoiceChange {
  group: string;
  label: string;
  from: ChoiceValue | null;
  to: ChoiceValue | null;
  /** The customer had chosen `from` themselves (rather than it being a default). */
  wasChoice: boolean;
}

function involved(product: CompiledProduct, assignment: Assignment, group: number): InvolvedValue {
  const compiled = product.groups[group]!;
  return {
    group: compiled.code,
    value: readChoice(compiled, assignment),
    source: sourceName(assignment.source[group] ?? SOURCE.empty),
  };
}

export function explainConflict(product: CompiledProduct, assignment: Assignment, rule: CompiledRule): Conflict {
  let latest = -1;
  for (const group of rule.groups) {
    if (assignment.source[group] !== SOURCE.choice) continue;
    if (latest === -1 || (assignment.choiceOrder[group] ?? -1) > (assignment.choiceOrder[latest] ?? -1)) latest = group;
  }
  return {
    ruleId: rule.id,
    message: rule.message,
    choice: latest === -1 ? null : involved(product, assignment, latest),
    earlier: rule.groups.filter((group) => group !== latest).map((group) => involved(product, assignment, group)),
  };
}

/**
 * Changes that resolve every broken rule while keeping `kept` (the customer's most recent
 * choices) as they are; if the kept choices contradict each other, keeps only the most recent.
 */
export function proposeFix(
  product: CompiledProduct,
  assignment: Assignment,
  kept: number[],
  limits: RepairLimits = DEFAULT_LIMITS,
  broken?: readonly number[],
): { changes: ChoiceChange[]; repaired: Assignment } | null {
  let repair = findRepair(product, assignment, new Set(kept), limits, broken);
  if (!repair && kept.length > 1) {
    const latest = kept.reduce((a, b) => ((assignment.choiceOrder[a] ?? -1) >= (assignment.choiceOrder[b] ?? -1) ? a : b));
    repair = findRepair(product, assignment, new Set([latest]), limits, broken);
  }
  if (!repair) return null;
  const repaired = repair.assignment;
  const changes = repair.changed.map((index): ChoiceChange => {
    const group = product.groups[index]!;
    return {
      group: group.code,
      label: group.label,
      from: readChoice(group, assignment),
      to: readChoice(group, repaired),
      wasChoice: assignment.source[index] === SOURCE.choice,
    };
  });
  return { changes, repaired };
}
