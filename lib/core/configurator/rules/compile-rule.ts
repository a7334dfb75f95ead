import type { CompiledRule, Literal } from "../compile/compiled-product";
import type { Rule } from "../definition/rule-schema";
import { compileAvailabilityRule } from "./availability";
import { compileExcludesRule } from "./excludes";
import { compileNumericRule } from "./numeric";
import { compileRequiresRule } from "./requires";
import type { RuleContext } from "./rule-context";
import { compileSetRule } from "./set-value";

export function compileRule(rule: Rule, index: number, context: RuleContext, literalOffset: number): CompiledRule {
  const blocker = Object.freeze({ ruleId: rule.id, message: rule.message });
  const base = { index, id: rule.id, kind: rule.kind, message: rule.message, blocker, literalOffset };
  if (rule.kind === "set") {
    const { when, target, literals } = compileSetRule(rule, context);
    return { ...base, literals, groups: distinctGroups(literals), when, target };
  }
  let literals: Literal[];
  switch (rule.kind) {
    case "requires":
      literals = compileRequiresRule(rule, context);
      break;
    case "excludes":
      literals = compileExcludesRule(rule, context);
      break;
    case "availability":
      literals = compileAvailabilityRule(rule, context);
      break;
    case "numeric":
      literals = compileNumericRule(rule, context);
      break;
  }
  return { ...base, literals, groups: distinctGroups(literals), when: [], target: null };
}

function distinctGroups(literals: Literal[]): number[] {
  return [...new Set(literals.map((literal) => literal.group))];
}
