import { compileCondition } from "../compile/compile-condition";
import type { Literal } from "../compile/compiled-product";
import type { Rule } from "../definition/rule-schema";
import type { RuleContext } from "./rule-context";

type ExcludesRule = Extract<Rule, { kind: "excludes" }>;

/** Violated when both conditions hold; symmetric, so either side is blocked by the other. */
export function compileExcludesRule(rule: ExcludesRule, context: RuleContext): Literal[] {
  return rule.between.map((condition) => compileCondition(condition, context.groups, context.groupIndex));
}
