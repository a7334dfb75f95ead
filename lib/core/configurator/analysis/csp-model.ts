import type { CompiledGroup, CompiledProduct, Literal } from "../compile/compiled-product";
import { snapToGrid } from "../definition/value-checks";
import { compare } from "../literal";

/**
 * The product as a finite-domain constraint problem, for exact analysis. Variables: one per
 * single, numeric and text group, one 0/1 variable per option of a multi group. Numeric groups
 * keep one grid value per region between the constants their rules compare with — values in the
 * same region satisfy exactly the same literals, so this is exact, not sampling. Text groups keep
 * "empty", "some other text" and each text a set rule writes.
 */
export interface CspModel {
  variables: CspVariable[];
  /** Offset of each variable's first value in flat per-value arrays. */
  offsets: Int32Array;
  valueCount: number;
  clauses: Clause[];
  cardinalities: Cardinality[];
  /** Per group: its variable (single/numeric/text) or its pick variables (multi). */
  groupVariables: number[][];
}

export interface CspVariable {
  group: number;
  /** For a pick variable, the option; otherwise -1. */
  option: number;
  size: number;
  /** Value index meaning "no value" (none / empty), or -1. */
  noneValue: number;
  /** Numeric representatives (NaN for none); empty for other kinds. */
  numbers: number[];
  /** Text values ("" empty, null "some other text"); empty for other kinds. */
  texts: (string | null)[];
}

/** Violated when every unit holds; a unit holds when the variable's value is in its mask. */
export interface Clause {
  /** The rule it comes from; -1 for "the group must have a value" and for query clauses. */
  rule: number;
  /** For requirement clauses, the group that must have a value; otherwise -1. */
  requiredGroup: number;
  units: Unit[];
}

export interface Unit {
  variable: number;
  mask: Uint8Array;
  /** The value indices in the mask, so counting alive ones is quick. */
  values: number[];
}

export interface Cardinality {
  group: number;
  variables: number[];
  min: number;
  max: number;
}

export function unitOf(variable: number, mask: Uint8Array): Unit {
  const values: number[] = [];
  mask.forEach((bit, value) => {
    if (bit) values.push(value);
  });
  return { variable, mask, values };
}

export function buildModel(product: CompiledProduct): CspModel {
  const variables: CspVariable[] = [];
  const groupVariables: number[][] = [];
  const cardinalities: Cardinality[] = [];
  const clauses: Clause[] = [];

  for (const group of product.groups) {
    const start = variables.length;
    if (group.kind === "multi") {
      for (const option of group.options) variables.push({ group: group.index, option: option.index, size: 2, noneValue: -1, numbers: [], texts: [] });
      const picks = group.options.map((_, i) => start + i);
      groupVariables.push(picks);
      cardinalities.push({ group: group.index, variables: picks, min: group.minPicks, max: group.maxPicks });
      continue;
    }
    variables.push(groupVariable(product, group));
    groupVariables.push([start]);
    // A customer cannot empty a group that has a default (leaving it out brings the default back).
    const mustHaveValue = group.required || (group.kind === "single" && group.defaultOption >= 0) || (group.kind === "numeric" && group.defaultValue !== null);
    const variable = variables[start]!;
    if (mustHaveValue && variable.noneValue >= 0) {
      const mask = new Uint8Array(variable.size);
      mask[variable.noneValue] = 1;
      clauses.push({ rule: -1, requiredGroup: group.required ? group.index : -1, units: [unitOf(start, mask)] });
    }
  }

  const offsets = new Int32Array(variables.length);
  let valueCount = 0;
  variables.forEach((variable, index) => {
    offsets[index] = valueCount;
    valueCount += variable.size;
  });
  const model: CspModel = { variables, offsets, valueCount, clauses, cardinalities, groupVariables };
  for (const rule of product.rules) {
    for (const units of clausesOf(model, product, rule.literals)) clauses.push({ rule: rule.index, requiredGroup: -1, units });
  }
  return model;
}

function groupVariable(product: CompiledProduct, group: CompiledGroup): CspVariable {
  if (group.kind === "single") {
    return { group: group.index, option: -1, size: group.options.length + 1, noneValue: group.options.length, numbers: [], texts: [] };
  }
  if (group.kind === "numeric") {
    const numbers = [...numericRepresentatives(product, group), Number.NaN];
    return { group: group.index, option: -1, size: numbers.length, noneValue: numbers.length - 1, numbers, texts: [] };
  }
  if (group.kind === "text") {
    const written = new Set<string>();
    for (const ruleIndex of product.setRules) {
      const target = product.rules[ruleIndex]?.target;
      if (target?.group === group.index && target.value.kind === "text" && target.value.value !== "") written.add(target.value.value);
    }
    const texts: (string | null)[] = ["", null, ...written];
    return { group: group.index, option: -1, size: texts.length, noneValue: 0, numbers: [], texts };
  }
  throw new Error("multi groups have one variable per option");
}

/** Grid values: min, max, and around every constant a rule compares the group with. */
function numericRepresentatives(product: CompiledProduct, group: Extract<CompiledGroup, { kind: "numeric" }>): number[] {
  const lastStep = Math.floor((group.max - group.min) / group.step + 1e-9);
  const steps = new Set<number>([0, lastStep]);
  for (const ruleIndex of group.rules) {
    for (const literal of product.rules[ruleIndex]?.literals ?? []) {
      if (literal.type !== "compare" || literal.group !== group.index) continue;
      const at = (literal.value - group.min) / group.step;
      for (const step of [Math.floor(at + 1e-9) - 1, Math.floor(at + 1e-9), Math.ceil(at - 1e-9), Math.ceil(at - 1e-9) + 1]) {
        if (step >= 0 && step <= lastStep) steps.add(step);
      }
    }
  }
  return [...steps].sort((a, b) => a - b).map((step) => snapToGrid(group, step));
}

/**
 * A rule's literals as clauses over variables: a literal on a multi group ("some pick in the
 * mask") is a disjunction over pick variables, so the rule becomes one clause per combination.
 */
export function clausesOf(model: CspModel, product: CompiledProduct, literals: Literal[]): Unit[][] {
  let combinations: Unit[][] = [[]];
  for (const literal of literals) {
    const alternatives = literalAlternatives(model, product, literal);
    const next: Unit[][] = [];
    for (const combination of combinations) for (const alternative of alternatives) next.push([...combination, ...alternative]);
    combinations = next;
  }
  const clauses: Unit[][] = [];
  for (const combination of combinations) {
    const merged = mergeUnits(model, combination);
    if (merged) clauses.push(merged);
  }
  return clauses;
}

/** Units on the same variable must all hold: intersect their masks. Null when they never can. */
function mergeUnits(model: CspModel, units: Unit[]): Unit[] | null {
  const masks = new Map<number, Uint8Array>();
  for (const unit of units) {
    const existing = masks.get(unit.variable);
    if (!existing) masks.set(unit.variable, unit.mask.slice());
    else for (let i = 0; i < existing.length; i += 1) existing[i] = (existing[i] ?? 0) & (unit.mask[i] ?? 0);
  }
  const merged: Unit[] = [];
  for (const [variable, mask] of masks) {
    const count = mask.reduce((sum, bit) => sum + bit, 0);
    if (count === 0) return null;
    if (count < (model.variables[variable]?.size ?? 0)) merged.push(unitOf(variable, mask));
  }
  return merged;
}

function literalAlternatives(model: CspModel, product: CompiledProduct, literal: Literal): Unit[][] {
  const group = product.groups[literal.group]!;
  const variables = model.groupVariables[literal.group] ?? [];
  if (literal.type === "option" && group.kind === "multi") {
    const pickUnit = (option: number, value: 0 | 1) => {
      const mask = new Uint8Array(2);
      mask[value] = 1;
      return unitOf(variables[option]!, mask);
    };
    // "Some pick in the mask": one alternative per option. "No pick in the mask": all of them unpicked.
    return literal.negated
      ? [literal.maskIndices.map((option) => pickUnit(option, 0))]
      : literal.maskIndices.map((option) => [pickUnit(option, 1)]);
  }
  const variableIndex = variables[0]!;
  const variable = model.variables[variableIndex]!;
  const mask = new Uint8Array(variable.size);
  for (let value = 0; value < variable.size; value += 1) mask[value] = valueSatisfies(literal, variable, value) ? 1 : 0;
  return [[unitOf(variableIndex, mask)]];
}

function valueSatisfies(literal: Literal, variable: CspVariable, value: number): boolean {
  if (literal.type === "option") {
    const inMask = value !== variable.noneValue && literal.mask[value] === 1;
    return inMask !== literal.negated;
  }
  if (literal.type === "compare") {
    const number = variable.numbers[value] ?? Number.NaN;
    return Number.isNaN(number) ? literal.whenEmpty : compare(number, literal.op, literal.value);
  }
  const text = variable.texts[value];
  if (literal.test === "filled") return text !== "";
  if (literal.test === "empty") return text === "";
  // "Some other text" differs from every text a rule writes.
  return text === null || text !== literal.text;
}
