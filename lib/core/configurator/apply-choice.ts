import { checkChoice } from "./check-choice";
import { CODE_PATTERN } from "./definition/code-schema";
import { compileProduct } from "./compile/compile-product";
import type { ChoiceValue, Configuration } from "./configuration";
import { proposeFix, type ChoiceChange } from "./conflicts";
import { evaluateCompiled, type ConfigurationError, type EvaluateOptions, type Evaluation } from "./evaluate";
import type { ProductDefinition } from "./product-definition";

export type ApplyChoiceResult =
  | {
      ok: true;
      /** The customer's choices after this one (it is now the latest), including the changes. */
      configuration: Configuration;
      /** What had to change to keep the configuration consistent ("this changes your door"). */
      changes: ChoiceChange[];
      /** False when no consistent fix was found: the choice is kept and the conflicts stay visible. */
      resolved: boolean;
      evaluation: Evaluation;
    }
  | { ok: false; error: ConfigurationError };

/**
 * Makes a choice the way the configurator UI does: the new value becomes the most recent choice,
 * and whatever earlier values contradict it are changed, cheapest first (defaults before the
 * customer's own choices). `null` removes the choice, so the group falls back to its default.
 * Call it to preview "choose X — this changes Y" and again to commit.
 */
export function applyChoice(
  product: ProductDefinition,
  configuration: Configuration,
  groupCode: string,
  value: ChoiceValue | null,
  options: EvaluateOptions = {},
): ApplyChoiceResult {
  const compiled = compileProduct(product);
  const index = compiled.groupIndex.get(groupCode);
  const group = index === undefined ? undefined : compiled.groups[index];
  if (!group) return { ok: false, error: { group: groupCode, code: "UNKNOWN_GROUP", message: `there is no option group "${groupCode.slice(0, 40)}"` } };

  const next: Configuration = {};
  for (const [code, existing] of Object.entries(configuration)) {
    // Keys that are not codes could only be unknown groups; "__proto__" must never be assigned.
    if (code !== groupCode && CODE_PATTERN.test(code)) next[code] = existing;
  }
  if (value !== null) {
    const check = checkChoice(group, value);
    if (!check.ok) return { ok: false, error: { group: groupCode, code: check.code, message: check.message } };
    next[groupCode] = value;
  }

  const first = evaluateCompiled(compiled, next, options);
  if (first.evaluation.conflicts.length === 0) {
    return { ok: true, configuration: next, changes: [], resolved: true, evaluation: first.evaluation };
  }
  const fix = proposeFix(compiled, first.assignment, value === null ? [] : [group.index]);
  if (!fix) return { ok: true, configuration: next, changes: [], resolved: false, evaluation: first.evaluation };

  // Changed earlier choices keep their place; changed defaults become choices made just before this one.
  const fixed: Configuration = {};
  const changed = new Map(fix.changes.map((change) => [change.group, change]));
  for (const [code, existing] of Object.entries(next)) {
    if (code === groupCode) continue;
    const change = changed.get(code);
    if (!change) fixed[code] = existing;
    else if (change.to !== null) fixed[code] = change.to;
  }
  for (const change of fix.changes) {
    if (!(change.group in next) && change.to !== null) fixed[change.group] = change.to;
  }
  if (value !== null) fixed[groupCode] = value;

  const second = evaluateCompiled(compiled, fixed, options);
  return {
    ok: true,
    configuration: fixed,
    changes: fix.changes,
    resolved: second.evaluation.conflicts.length === 0,
    evaluation: second.evaluation,
  };
}
