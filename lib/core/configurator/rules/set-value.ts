import { compileCondition, optionMaskLiteral } from "../compile/compile-condition";
import { makeLiteral, type Literal, type SetValue } from "../compile/compiled-product";
import type { Rule } from "../definition/rule-schema";
import { groupOf, type RuleContext } from "./rule-context";

type SetRule = Extract<Rule, { kind: "set" }>;

/**
 * As a constraint: violated when `when` holds and the group does not have the value (a multi
 * group: does not include the option). Normalization applies it to values that came from
 * defaults, so only a customer's explicit different choice is left to violate it.
 */
export function compileSetRule(
  rule: SetRule,
  context: RuleContext,
): { when: Literal[]; target: { group: number; value: SetValue }; literals: Literal[] } {
  const group = groupOf(context, rule.group);
  const when = rule.when.map((condition) => compileCondition(condition, context.groups, context.groupIndex));
  let value: SetValue;
  let differs: Literal;
  if (group.kind === "single" || group.kind === "multi") {
    const option = group.optionIndex.get(String(rule.value));
    if (option === undefined) throw new Error(`group "${group.code}" has no option "${rule.value}"`);
    const mask = new Uint8Array(group.options.length);
    mask[option] = 1;
    value = { kind: "option", option };
    differs = optionMaskLiteral(group.index, mask, true);
  } else if (group.kind === "numeric") {
    value = { kind: "number", value: Number(rule.value) };
    differs = makeLiteral({ type: "compare", group: group.index, op: "!=", value: value.value, whenEmpty: true });
  } else {
    value = { kind: "text", value: String(rule.value) };
    differs = makeLiteral({ type: "text", group: group.index, test: "differs", text: value.value });
  }
  return { when, target: { group: group.index, value }, literals: [...when, differs] };
}
