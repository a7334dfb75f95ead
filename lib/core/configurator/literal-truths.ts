import type { Assignment } from "./assignment";
import type { CompiledProduct, CompiledRule } from "./compile/compiled-product";
import { literalTruth, TRUE } from "./literal";

/**
 * One pass over every rule's literals under an assignment, shared by everything evaluate
 * reports. A rule can only be broken by changing a group if all its literals on *other* groups
 * already hold — it is "armed" for that group. Recording, per rule, the one group that holds its
 * not-yet-true literals finds every armed (rule, group) pair without a second pass.
 */
export interface LiteralTruths {
  /** Per rule: how many of its literals are true. */
  trueCount: Int32Array;
  /** Per group: the rules armed for it. */
  armed: number[][];
}

const SEVERAL_GROUPS = -2;

export function literalTruths(product: CompiledProduct, assignment: Assignment): LiteralTruths {
  const { groups, rules } = product;
  const trueCount = new Int32Array(rules.length);
  const armed: number[][] = [];
  for (let g = 0; g < groups.length; g += 1) armed.push([]);
  for (const rule of rules) {
    let count = 0;
    let pending = -1;
    for (const literal of rule.literals) {
      if (literalTruth(literal, groups, assignment) === TRUE) count += 1;
      else if (pending === -1) pending = literal.group;
      else if (pending !== literal.group) pending = SEVERAL_GROUPS;
    }
    trueCount[rule.index] = count;
    if (pending === -1) for (const group of rule.groups) armed[group]!.push(rule.index);
    else if (pending >= 0) armed[pending]!.push(rule.index);
  }
  return { trueCount, armed };
}

export function isBroken(rule: CompiledRule, truths: LiteralTruths): boolean {
  return truths.trueCount[rule.index] === rule.literals.length;
}
