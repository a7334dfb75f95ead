import { compileCondition } from "../compile/compile-condition";
import type { Literal } from "../compile/compiled-product";
import type { Rule } from "../definition/rule-schema";
import type { RuleContext } from "./rule-context";

type RequiresRule = Extract<Rule, { kind: "requires" }>;

/**
 * Violated when `when` holds and `require` does not. An empty required-by group does not
 * satisfy it: "the ice maker needs the water connection" is broken while no connection is chosen.
 */
export function compileRequiresRule(rule: RequiresRule, context: RuleContext): Literal[] {
  return [
    compileCondition(rule.when, context.groups, context.groupIndex),
    compileCondition(rule.require, context.groups, context.groupIndex, true),
  ];
}
