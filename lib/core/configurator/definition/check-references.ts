import type { z } from "zod";
import type { Condition } from "./condition-schema";
import type { OptionGroup } from "./option-group-schema";
import type { ProductShape } from "./product-shape-schema";
import { checkNumber, normalizeText } from "./value-checks";

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

/**
 * Everything zod cannot see field by field: codes are unique, every reference names an existing
 * group or option of the right kind, defaults and set values are valid values of their group.
 * A definition that passes can be compiled and evaluated without further checks.
 */
export function checkReferences(product: ProductShape, context: z.RefinementCtx): void {
  const report: Report = (path, message) => context.addIssue({ code: "custom", path, message });
  const groups = new Map<string, OptionGroup>();

  product.groups.forEach((group, index) => {
    if (groups.has(group.code)) report(["groups", index, "code"], `duplicate group code "${group.code}"`);
    groups.set(group.code, group);
    checkGroup(group, ["groups", index], report);
  });

  const checkCondition = (condition: Condition, path: Path) => checkConditionReference(groups, condition, path, report);
  const ruleIds = new Set<string>();
  product.rules.forEach((rule, index) => {
    const path: Path = ["rules", index];
    if (ruleIds.has(rule.id)) report([...path, "id"], `duplicate rule id "${rule.id}"`);
    ruleIds.add(rule.id);
    switch (rule.kind) {
      case "requires":
        checkCondition(rule.when, [...path, "when"]);
        checkCondition(rule.require, [...path, "require"]);
        break;
      case "excludes":
        rule.between.forEach((condition, i) => checkCondition(condition, [...path, "between", i]));
        break;
      case "availability": {
        rule.when.forEach((condition, i) => checkCondition(condition, [...path, "when", i]));
        const group = groups.get(rule.group);
        if (!group || (group.kind !== "single" && group.kind !== "multi")) {
          report([...path, "group"], `"${rule.group}" is not a single or multi group`);
        } else {
          for (const code of rule.only) checkOptionExists(group, code, [...path, "only"], report);
        }
        break;
      }
      case "numeric":
        rule.when.forEach((condition, i) => checkCondition(condition, [...path, "when", i]));
        if (groups.get(rule.group)?.kind !== "numeric") report([...path, "group"], `"${rule.group}" is not a numeric group`);
        break;
      case "set":
        rule.when.forEach((condition, i) => checkCondition(condition, [...path, "when", i]));
        checkSetValue(groups.get(rule.group), rule.group, rule.value, [...path, "value"], report);
        break;
    }
  });

  const priceRuleIds = new Set<string>();
  let quantityBreakRules = 0;
  product.priceRules.forEach((rule, index) => {
    const path: Path = ["priceRules", index];
    if (priceRuleIds.has(rule.id)) report([...path, "id"], `duplicate price rule id "${rule.id}"`);
    priceRuleIds.add(rule.id);
    if (rule.kind === "surcharge" || rule.kind === "percentage") {
      rule.when.forEach((condition, i) => checkCondition(condition, [...path, "when", i]));
    } else if (rule.kind === "per-unit") {
      if (groups.get(rule.group)?.kind !== "numeric") report([...path, "group"], `"${rule.group}" is not a numeric group`);
    } else {
      quantityBreakRules += 1;
      if (quantityBreakRules > 1) report(path, "a product has at most one quantity-break rule");
      rule.breaks.forEach((step, i) => {
        const previous = rule.breaks[i - 1];
        if (previous && previous.minQuantity >= step.minQuantity) {
          report([...path, "breaks", i, "minQuantity"], "breaks must be in increasing quantity");
        }
      });
    }
  });

  product.bom.forEach((line, index) => {
    if (line.when) checkCondition(line.when, ["bom", index, "when"]);
    if (line.scaleBy && groups.get(line.scaleBy.group)?.kind !== "numeric") {
      report(["bom", index, "scaleBy", "group"], `"${line.scaleBy.group}" is not a numeric group`);
    }
  });

  const { familyGroup } = product.routing;
  if (familyGroup !== undefined && groups.get(familyGroup)?.kind !== "single") {
    report(["routing", "familyGroup"], `"${familyGroup}" is not a single-choice group`);
  }
  product.routing.extras.forEach((extra, index) => checkCondition(extra.when, ["routing", "extras", index, "when"]));

  for (const [role, code] of Object.entries(product.preview?.layers ?? {})) {
    if (!groups.has(code)) report(["preview", "layers", role], `unknown group "${code}"`);
  }
}

function checkGroup(group: OptionGroup, path: Path, report: Report): void {
  if (group.kind === "single" || group.kind === "multi") {
    const codes = new Set<string>();
    group.options.forEach((option, index) => {
      if (codes.has(option.code)) report([...path, "options", index, "code"], `duplicate option code "${option.code}"`);
      codes.add(option.code);
    });
    const defaults = group.options.filter((option) => option.default).length;
    if (group.kind === "single" && defaults > 1) report([...path, "options"], "a single-choice group has at most one default");
    if (group.kind === "multi") {
      const maxPicks = group.maxPicks ?? group.options.length;
      if (maxPicks > group.options.length) report([...path, "maxPicks"], "more picks than options");
      if (group.minPicks > maxPicks) report([...path, "minPicks"], "minPicks exceeds maxPicks");
      if (defaults > maxPicks) report([...path, "options"], "more default picks than maxPicks allows");
    }
  } else if (group.kind === "numeric") {
    if (group.min > group.max) report([...path, "min"], "min exceeds max");
    if (group.default !== undefined) {
      const check = checkNumber(group, group.default);
      if (!check.ok) report([...path, "default"], `default ${check.message}`);
    }
  } else if (group.default !== undefined) {
    const check = normalizeText(group, group.default);
    if (!check.ok) report([...path, "default"], `default ${check.message}`);
  }
}

function checkOptionExists(group: OptionGroup, code: string, path: Path, report: Report): void {
  if ((group.kind === "single" || group.kind === "multi") && !group.options.some((option) => option.code === code)) {
    report(path, `group "${group.code}" has no option "${code}"`);
  }
}

function checkConditionReference(groups: Map<string, OptionGroup>, condition: Condition, path: Path, report: Report): void {
  const group = groups.get(condition.group);
  if (!group) {
    report([...path, "group"], `unknown group "${condition.group}"`);
    return;
  }
  if ("is" in condition || "in" in condition || "notIn" in condition) {
    if (group.kind !== "single" && group.kind !== "multi") {
      report([...path, "group"], `"${group.code}" has no options to test`);
      return;
    }
    const codes = "is" in condition ? [condition.is] : "in" in condition ? condition.in : condition.notIn;
    for (const code of codes) checkOptionExists(group, code, path, report);
  } else if ("op" in condition) {
    if (group.kind !== "numeric") report([...path, "group"], `"${group.code}" is not a numeric group`);
  } else if (group.kind !== "text") {
    report([...path, "group"], `"${group.code}" is not a text group`);
  }
}

function checkSetValue(group: OptionGroup | undefined, code: string, value: string | number, path: Path, report: Report): void {
  if (!group) {
    report(path, `unknown group "${code}"`);
  } else if (group.kind === "single" || group.kind === "multi") {
    if (typeof value !== "string") report(path, "must be an option code");
    else checkOptionExists(group, value, path, report);
  } else if (group.kind === "numeric") {
    const check = typeof value === "number" ? checkNumber(group, value) : undefined;
    if (!check?.ok) report(path, check ? check.message : "must be a number");
  } else {
    const check = typeof value === "string" ? normalizeText(group, value) : undefined;
    if (!check?.ok) report(path, check ? check.message : "must be text");
    else if (check.value !== value) report(path, `must be written as it is stored: "${check.value}"`);
  }
}
