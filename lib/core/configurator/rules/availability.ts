import { compileCondition, optionMaskLiteral } from "../compile/compile-condition";
import type { Literal } from "../compile/compiled-product";
import type { Rule } from "../definition/rule-schema";
import { groupOf, type RuleContext } from "./rule-context";

type AvailabilityRule = Extract<Rule, { kind: "availability" }>;

/**
 * Violated when `when` holds and the group has a choice outside `only`. Leaving the group empty
 * never violates it: availability narrows a choice, it does not demand one (that is `requires`).
 */
export function compileAvailabilityRule(rule: AvailabilityRule, context: RuleContext): Literal[] {
  const group = groupOf(context, rule.group);
  if (group.kind !== "single" && group.kind !== "multi") throw new Error(`"${group.code}" has no options`);
  const outside = new Uint8Array(group.options.length).fill(1);
  for (const code of rule.only) {
    const option = group.optionIndex.get(code);
    if (option !== undefined) outside[option] = 0;
  }
  return [
    ...rule.when.map((condition) => compileCondition(condition, context.groups, context.groupIndex)),
    optionMaskLiteral(group.index, outside, false),
  ];
}
