import type { OptionGroup } from "../definition/option-group-schema";
import type { ProductDefinition } from "../product-definition";
import { compileRule } from "../rules/compile-rule";
import type { RuleContext } from "../rules/rule-context";
import { compileCondition } from "./compile-condition";
import type { CompiledGroup, CompiledOption, CompiledPriceRule, CompiledProduct } from "./compiled-product";

const cache = new WeakMap<ProductDefinition, CompiledProduct>();

/**
 * The product's index, built once per definition object and cached: evaluate runs on every
 * keystroke in the browser, so it must never re-resolve codes. Treat definitions as immutable:
 * a changed document is a new object (and a new version).
 */
export function compileProduct(definition: ProductDefinition): CompiledProduct {
  let compiled = cache.get(definition);
  if (!compiled) {
    compiled = buildIndex(definition);
    cache.set(definition, compiled);
  }
  return compiled;
}

function buildIndex(definition: ProductDefinition): CompiledProduct {
  const groups = definition.groups.map(compileGroup);
  const groupIndex = new Map(groups.map((group) => [group.code, group.index]));
  const context: RuleContext = { groups, groupIndex };
  const condition = (c: Parameters<typeof compileCondition>[0]) => compileCondition(c, groups, groupIndex);

  let literalOffset = 0;
  const rules = definition.rules.map((rule, index) => {
    const compiled = compileRule(rule, index, context, literalOffset);
    literalOffset += compiled.literals.length;
    return compiled;
  });
  for (const rule of rules) {
    for (const group of rule.groups) {
      groups[group]?.rules.push(rule.index);
      const positions: number[] = [];
      rule.literals.forEach((literal, position) => {
        if (literal.group === group) positions.push(position);
      });
      groups[group]?.ruleLiterals.push(positions);
    }
  }

  const priceRules = definition.priceRules.map((rule): CompiledPriceRule => {
    switch (rule.kind) {
      case "surcharge":
        return { kind: rule.kind, id: rule.id, label: rule.label, when: rule.when.map(condition), amount: rule.amount };
      case "per-unit":
        return { ...rule, group: groupIndex.get(rule.group) ?? -1 };
      case "percentage":
        return { kind: rule.kind, id: rule.id, label: rule.label, when: rule.when.map(condition), basisPoints: toBasisPoints(rule.percent) };
      case "quantity-break":
        return {
          ...rule,
          breaks: rule.breaks.map((step) => ({ minQuantity: step.minQuantity, basisPoints: toBasisPoints(step.percentOff) })),
        };
    }
  });

  const familyGroup = definition.routing.familyGroup === undefined ? null : (groupIndex.get(definition.routing.familyGroup) ?? null);
  return {
    definition,
    groups,
    groupIndex,
    rules,
    setRules: rules.filter((rule) => rule.target !== null).map((rule) => rule.index),
    priceRules,
    bom: definition.bom.map((line) => ({
      partNumber: line.partNumber,
      quantity: line.quantity,
      when: line.when ? condition(line.when) : null,
      scaleBy: line.scaleBy
        ? { group: groupIndex.get(line.scaleBy.group) ?? -1, factor: line.scaleBy.factor, roundUpTo: line.scaleBy.roundUpTo ?? null }
        : null,
    })),
    routingExtras: definition.routing.extras.map((extra) => ({
      when: condition(extra.when),
      minutes: extra.minutes,
      capabilities: extra.capabilities,
    })),
    familyGroup,
    literalCount: literalOffset,
    literals: rules.flatMap((rule) => rule.literals),
    literalRule: Int32Array.from(rules.flatMap((rule) => rule.literals.map(() => rule.index))),
    scratchPending: new Int32Array(rules.length),
    openable: Uint8Array.from(groups, (group) => (group.required && group.kind !== "multi" ? 1 : 0)),
  };
}

function toBasisPoints(percent: number): number {
  return Math.round(percent * 100);
}

function compileGroup(group: OptionGroup, index: number): CompiledGroup {
  const base = { index, code: group.code, label: group.label, required: group.required, rules: [] as number[], ruleLiterals: [] as number[][] };
  switch (group.kind) {
    case "single":
    case "multi": {
      const options = group.options.map(
        (option, optionIndex): CompiledOption => ({
          index: optionIndex,
          code: option.code,
          label: option.label,
          priceDelta: option.priceDelta,
          leadTimeDays: option.leadTimeDays,
          familyVariant: option.familyVariant ?? option.code,
          definition: option,
        }),
      );
      const optionIndex = new Map(options.map((option) => [option.code, option.index]));
      const defaults = options.filter((option) => option.definition.default).map((option) => option.index);
      if (group.kind === "single") {
        return { ...base, kind: "single", options, optionIndex, defaultOption: defaults[0] ?? -1 };
      }
      return {
        ...base,
        kind: "multi",
        options,
        optionIndex,
        // A required multi group needs at least one pick.
        minPicks: Math.max(group.minPicks, group.required ? 1 : 0),
        maxPicks: group.maxPicks ?? options.length,
        defaultPicks: defaults,
      };
    }
    case "numeric":
      return { ...base, kind: "numeric", min: group.min, max: group.max, step: group.step, unit: group.unit, defaultValue: group.default ?? null };
    case "text":
      return {
        ...base,
        kind: "text",
        maxLength: group.maxLength,
        allowedCharacters: group.allowedCharacters,
        letterCase: group.letterCase,
        defaultValue: group.default ?? "",
      };
  }
}
