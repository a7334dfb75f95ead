import { compileCondition, negateOperator } from "../compile/compile-condition";
import { makeLiteral, type Literal } from "../compile/compiled-product";
import type { Rule } from "../definition/rule-schema";
import { groupOf, type RuleContext } from "./rule-context";

type NumericRule = Extract<Rule, { kind: "numeric" }>;

/**
 * Violated when `when` holds and the group's value breaks `op value` ("width <= 90 when door is
 * french"). A numeric group without a value does not break it: the limit applies to a value.
 */
export function compileNumericRule(rule: NumericRule, context: RuleContext): Literal[] {
  const group = groupOf(context, rule.group);
  return [
    ...rule.when.map((condition) => compileCondition(condition, context.groups, context.groupIndex)),
    makeLiteral({ type: "compare", group: group.index, op: negateOperator(rule.op), value: rule.value, whenEmpty: false }),
  ];
}
