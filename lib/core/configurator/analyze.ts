import { buildModel, clausesOf, unitOf, type Clause, type CspModel } from "./analysis/csp-model";
import { minimalConflict } from "./analysis/minimal-conflict";
import { Solver } from "./analysis/solver";
import { SOURCE } from "./assignment";
import { negateOperator } from "./compile/compile-condition";
import { compileProduct } from "./compile/compile-product";
import type { CompiledProduct, Literal } from "./compile/compiled-product";
import { isViolated } from "./literal";
import { defaultsOnly } from "./normalize";
import type { ProductDefinition } from "./product-definition";

export type AnalysisProblemKind =
  | "OPTION_NEVER_AVAILABLE"
  | "DEFAULT_VIOLATES_RULE"
  | "GROUP_NEVER_COMPLETE"
  | "CONTRADICTORY_RULES"
  | "ANALYSIS_INCOMPLETE";

export interface AnalysisProblem {
  kind: AnalysisProblemKind;
  group?: string;
  option?: string;
  /** The rules involved: a minimal set, so removing or loosening any one of them resolves it. */
  ruleIds: string[];
  message: string;
}

export interface ProductAnalysis {
  ok: boolean;
  problems: AnalysisProblem[];
  /** Solver calls made, for the curious and the benchmark. */
  searches: number;
}

/**
 * Checks a rule set the way an admin needs before publishing, exactly (a complete search, not
 * sampling): options no valid configuration can contain, defaults that break a rule, required
 * groups that can never be filled, and rules that contradict each other — each with a minimal
 * set of rules that causes it.
 */
export function analyze(definition: ProductDefinition): ProductAnalysis {
  const product = compileProduct(definition);
  const model = buildModel(product);
  const solver = new Solver(model);
  let searches = 0;
  let incomplete = false;
  let lastFired: number[] = [];
  const solve = (query: Parameters<Solver["solve"]>[0]) => {
    searches += 1;
    const result = solver.solve(query);
    if (result.exhausted) incomplete = true;
    lastFired = result.firedRules;
    return result.solution;
  };
  const enabled = (rules: number[]) => {
    const flags = new Uint8Array(product.rules.length);
    for (const rule of rules) flags[rule] = 1;
    return flags;
  };
  // Call right after an unsatisfiable solve of the same query: its fired rules bound the search.
  const explain = (assume: Clause[] = []) => {
    const candidates = lastFired;
    return minimalConflict(candidates, (rules) => solve({ assume, enabledRules: enabled(rules) }) !== null).map((rule) => product.rules[rule]!.id);
  };
  const problems: AnalysisProblem[] = [];

  if (!solve({})) {
    problems.push(...unsatisfiableProblems(product, solve, explain()));
  } else {
    problems.push(...unreachableOptions(product, model, solve, explain));
    problems.push(...contradictorySetRules(product, model, solve));
  }
  problems.push(...defaultViolations(product));
  if (incomplete) problems.push({ kind: "ANALYSIS_INCOMPLETE", ruleIds: [], message: "The search hit its limit; some answers are missing." });
  return { ok: problems.length === 0, problems, searches };
}

type Solve = (query: Parameters<Solver["solve"]>[0]) => Int32Array | null;
type Explain = (assume?: Clause[]) => string[];

/** No valid configuration at all: blame a group that cannot be filled, else the rules. */
function unsatisfiableProblems(product: CompiledProduct, solve: Solve, rules: string[]): AnalysisProblem[] {
  const problems: AnalysisProblem[] = [];
  for (const group of product.groups) {
    const demandsValue = group.kind === "multi" ? group.minPicks > 0 : group.required;
    if (!demandsValue) continue;
    if (solve({ relaxedGroups: new Set([group.index]) }) !== null) {
      problems.push({
        kind: "GROUP_NEVER_COMPLETE",
        group: group.code,
        ruleIds: rules,
        message: `"${group.label}" can never be completed: the rules leave nothing to choose.`,
      });
    }
  }
  if (problems.length === 0) {
    problems.push({
      kind: "CONTRADICTORY_RULES",
      ruleIds: rules,
      message: rules.length > 0 ? "These rules contradict each other: no configuration satisfies them all." : "The option groups' limits cannot all be met.",
    });
  }
  return problems;
}

function unreachableOptions(product: CompiledProduct, model: CspModel, solve: Solve, explain: Explain): AnalysisProblem[] {
  const witnessed = product.groups.map((group) => new Uint8Array(group.kind === "single" || group.kind === "multi" ? group.options.length : 0));
  const record = (solution: Int32Array) => {
    let fresh = 0;
    model.variables.forEach((variable, index) => {
      const option = variable.option >= 0 ? (solution[index] === 1 ? variable.option : -1) : product.groups[variable.group]?.kind === "single" ? (solution[index] ?? -1) : -1;
      const seen = witnessed[variable.group];
      if (seen && option >= 0 && option < seen.length && !seen[option]) {
        seen[option] = 1;
        fresh += 1;
      }
    });
    return fresh;
  };
  // Cover options cheaply first: each solution prefers options not seen in a solution yet.
  for (let round = 0; round < 1000; round += 1) {
    const preferred = new Uint8Array(model.valueCount);
    model.variables.forEach((variable, index) => {
      const seen = witnessed[variable.group];
      const offset = model.offsets[index] ?? 0;
      if (variable.option >= 0) preferred[offset + 1] = seen?.[variable.option] ? 0 : 1;
      else if (seen && seen.length > 0) for (let option = 0; option < seen.length; option += 1) preferred[offset + option] = seen[option] ? 0 : 1;
    });
    const solution = solve({ preferred });
    if (!solution || record(solution) === 0) break;
  }

  const problems: AnalysisProblem[] = [];
  for (const group of product.groups) {
    if (group.kind !== "single" && group.kind !== "multi") continue;
    for (const option of group.options) {
      if (witnessed[group.index]?.[option.index]) continue;
      const assume = [chosenClause(model, group.index, option.index, group.kind === "multi")];
      const solution = solve({ assume });
      if (solution) {
        record(solution);
        continue;
      }
      const isDefault = option.definition.default ? " (it is the default)" : "";
      problems.push({
        kind: "OPTION_NEVER_AVAILABLE",
        group: group.code,
        option: option.code,
        ruleIds: explain(assume),
        message: `"${option.label}" in "${group.label}" can never be chosen${isDefault}.`,
      });
    }
  }
  return problems;
}

/** A query clause broken unless the option is chosen. */
function chosenClause(model: CspModel, group: number, option: number, multi: boolean): Clause {
  const variables = model.groupVariables[group] ?? [];
  const variable = multi ? variables[option]! : variables[0]!;
  const size = model.variables[variable]?.size ?? 0;
  const mask = new Uint8Array(size).fill(1);
  mask[multi ? 1 : option] = 0;
  return { rule: -1, requiredGroup: -1, units: [unitOf(variable, mask)] };
}

function negateLiteral(literal: Literal): Literal | null {
  if (literal.type === "option") return { ...literal, negated: !literal.negated };
  if (literal.type === "compare") return { ...literal, op: negateOperator(literal.op), whenEmpty: !literal.whenEmpty };
  if (literal.test === "differs") return null;
  return { ...literal, test: literal.test === "filled" ? "empty" : "filled" };
}

/**
 * Two set rules that give one group different values, in a situation every other rule allows:
 * there the product silently forbids a combination nobody meant to forbid.
 */
function contradictorySetRules(product: CompiledProduct, model: CspModel, solve: Solve): AnalysisProblem[] {
  const problems: AnalysisProblem[] = [];
  const setRules = product.setRules.map((index) => product.rules[index]!);
  for (let i = 0; i < setRules.length; i += 1) {
    for (let j = i + 1; j < setRules.length; j += 1) {
      const first = setRules[i]!;
      const second = setRules[j]!;
      if (!first.target || !second.target || first.target.group !== second.target.group) continue;
      if (product.groups[first.target.group]?.kind === "multi") continue; // additions never clash
      if (JSON.stringify(first.target.value) === JSON.stringify(second.target.value)) continue;
      const assume: Clause[] = [];
      let expressible = true;
      for (const literal of [...first.when, ...second.when]) {
        const negated = negateLiteral(literal);
        if (!negated) expressible = false;
        else for (const units of clausesOf(model, product, [negated])) assume.push({ rule: -1, requiredGroup: -1, units });
      }
      if (!expressible) continue;
      const enabledRules = new Uint8Array(product.rules.length).fill(1);
      enabledRules[first.index] = 0;
      enabledRules[second.index] = 0;
      if (solve({ assume, enabledRules })) {
        const group = product.groups[first.target.group]!;
        problems.push({
          kind: "CONTRADICTORY_RULES",
          group: group.code,
          ruleIds: [first.id, second.id],
          message: `"${first.id}" and "${second.id}" set "${group.label}" to different values when both apply.`,
        });
      }
    }
  }
  return problems;
}

function defaultViolations(product: CompiledProduct): AnalysisProblem[] {
  const { assignment, setBy } = defaultsOnly(product);
  const problems: AnalysisProblem[] = [];
  for (const rule of product.rules) {
    if (!isViolated(rule, assignment)) continue;
    const defaulted = rule.groups.find((group) => assignment.source[group] === SOURCE.default) ?? rule.groups[0]!;
    const setters = rule.groups.map((group) => product.rules[setBy[group] ?? -1]?.id).filter((id): id is string => id !== undefined && id !== rule.id);
    const group = product.groups[defaulted]!;
    problems.push({
      kind: "DEFAULT_VIOLATES_RULE",
      group: group.code,
      ruleIds: [rule.id, ...new Set(setters)],
      message: `The defaults break "${rule.id}": ${rule.message}`,
    });
  }
  return problems;
}
