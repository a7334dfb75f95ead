import type { ComparisonOperator, Condition } from "../definition/condition-schema";
import { makeLiteral, type CompiledGroup, type Literal } from "./compiled-product";

const NEGATED_OPERATOR: Record<ComparisonOperator, ComparisonOperator> = {
  "<": ">=",
  "<=": ">",
  ">": "<=",
  ">=": "<",
  "=": "!=",
  "!=": "=",
};

export function negateOperator(op: ComparisonOperator): ComparisonOperator {
  return NEGATED_OPERATOR[op];
}

/** A literal that is true exactly when the condition holds (or, `negated`, when it does not). */
export function compileCondition(
  condition: Condition,
  groups: CompiledGroup[],
  groupIndex: Map<string, number>,
  negated = false,
): Literal {
  const index = groupIndex.get(condition.group);
  const group = index === undefined ? undefined : groups[index];
  if (!group) throw new Error(`unknown group "${condition.group}" (validate the definition first)`);

  if ("is" in condition || "in" in condition || "notIn" in condition) {
    const codes = "is" in condition ? [condition.is] : "in" in condition ? condition.in : condition.notIn;
    return optionLiteral(group, codes, "notIn" in condition ? !negated : negated);
  }
  if ("op" in condition) {
    // A condition on an empty numeric group is false, so its negation is true.
    return negated
      ? makeLiteral({ type: "compare", group: group.index, op: negateOperator(condition.op), value: condition.value, whenEmpty: true })
      : makeLiteral({ type: "compare", group: group.index, op: condition.op, value: condition.value, whenEmpty: false });
  }
  const filled = condition.filled !== negated;
  return makeLiteral({ type: "text", group: group.index, test: filled ? "filled" : "empty" });
}

export function optionLiteral(group: CompiledGroup, codes: readonly string[], negated: boolean): Literal {
  if (group.kind !== "single" && group.kind !== "multi") throw new Error(`"${group.code}" has no options`);
  const mask = new Uint8Array(group.options.length);
  for (const code of codes) {
    const option = group.optionIndex.get(code);
    if (option === undefined) throw new Error(`group "${group.code}" has no option "${code}"`);
    mask[option] = 1;
  }
  return optionMaskLiteral(group.index, mask, negated);
}

export function optionMaskLiteral(group: number, mask: Uint8Array, negated: boolean): Literal {
  const maskIndices: number[] = [];
  mask.forEach((bit, option) => {
    if (bit) maskIndices.push(option);
  });
  return makeLiteral({ type: "option", group, mask, maskIndices, negated });
}
