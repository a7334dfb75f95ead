import type { Configuration } from "../configuration";
import type { Condition } from "../definition/condition-schema";
import type { ProductDefinition } from "../product-definition";

/**
 * A second, deliberately naive reading of the rule semantics, straight from the definition's
 * JSON and a plain configuration — no compilation, no literals. Property tests check evaluate
 * against it, so a bug in the compiled fast path cannot also hide in the check.
 */
export function brokenRules(product: ProductDefinition, configuration: Configuration): string[] {
  const value = (group: string) => configuration[group];
  const holds = (condition: Condition): boolean => {
    const current = value(condition.group);
    if ("is" in condition) return Array.isArray(current) ? current.includes(condition.is) : current === condition.is;
    if ("in" in condition) return Array.isArray(current) ? current.some((code) => condition.in.includes(code)) : condition.in.includes(current as string);
    if ("notIn" in condition) return Array.isArray(current) ? !current.some((code) => condition.notIn.includes(code)) : !condition.notIn.includes(current as string);
    if ("op" in condition) return typeof current === "number" && compare(current, condition.op, condition.value);
    return (typeof current === "string" && current !== "") === condition.filled;
  };
  const broken: string[] = [];
  for (const rule of product.rules) {
    let ok: boolean;
    switch (rule.kind) {
      case "requires":
        ok = !holds(rule.when) || holds(rule.require);
        break;
      case "excludes":
        ok = !(holds(rule.between[0]) && holds(rule.between[1]));
        break;
      case "availability": {
        const current = value(rule.group);
        const chosen = current === undefined ? [] : Array.isArray(current) ? current : [current as string];
        ok = !rule.when.every(holds) || chosen.every((code) => rule.only.includes(code));
        break;
      }
      case "numeric": {
        const current = value(rule.group);
        ok = !rule.when.every(holds) || typeof current !== "number" || compare(current, rule.op, rule.value);
        break;
      }
      case "set": {
        const current = value(rule.group);
        ok = !rule.when.every(holds) || (Array.isArray(current) ? current.includes(String(rule.value)) : current === rule.value);
        break;
      }
    }
    if (!ok) broken.push(rule.id);
  }
  return broken;
}

/** Required groups without a value and multi groups outside their pick limits. */
export function incompleteGroups(product: ProductDefinition, configuration: Configuration): string[] {
  return product.groups
    .filter((group) => {
      const current = configuration[group.code];
      if (group.kind === "multi") {
        const picks = Array.isArray(current) ? current.length : 0;
        return picks < Math.max(group.minPicks, group.required ? 1 : 0) || picks > (group.maxPicks ?? group.options.length);
      }
      return group.required && (current === undefined || current === "");
    })
    .map((group) => group.code);
}

function compare(left: number, op: string, right: number): boolean {
  const epsilon = 1e-9;
  if (op === "<") return left < right - epsilon;
  if (op === "<=") return left <= right + epsilon;
  if (op === ">") return left > right + epsilon;
  if (op === ">=") return left >= right - epsilon;
  if (op === "=") return Math.abs(left - right) <= epsilon;
  return Math.abs(left - right) > epsilon;
}
