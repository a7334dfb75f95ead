import type { Assignment } from "./assignment";
import type { CompiledProduct } from "./compile/compiled-product";
import { literalTruth, TRUE } from "./literal";

/**
 * One pass over every rule's literals under an assignment, shared by everything evaluate
 * reports. A rule can only be broken by changing a group if all its literals on *other* groups
 * already hold — it is "armed" for that group. Recording, per rule, the one group that holds its
 * not-yet-true literals finds every armed (rule, group) pair without a second pass.
 */
export interface LiteralTruths {
  /** The rules armed for group g are armedRules[armedStart[g] … armedStart[g + 1]). */
  armedStart: number[];
  armedRules: number[];
  /** Rules whose literals all hold, in rule order. */
  broken: number[];
}

const NONE_PENDING = -1;
const SEVERAL_GROUPS = -2;

export function literalTruths(product: CompiledProduct, assignment: Assignment): LiteralTruths {
  const { rules, literals, literalRule } = product;
  // Per rule: the group holding its not-yet-true literals. Scratch owned by the compiled product:
  // evaluate is synchronous and never re-entered, and this runs twice per call.
  const pending = product.scratchPending;
  pending.fill(NONE_PENDING);
  // A flat loop: nested loops over each rule's little array cost several times more here.
  for (let i = 0; i < literals.length; i += 1) {
    const literal = literals[i]!;
    const rule = literalRule[i]!;
    if (literalTruth(literal, assignment) === TRUE) continue;
    if (pending[rule] === NONE_PENDING) pending[rule] = literal.group;
    else if (pending[rule] !== literal.group) pending[rule] = SEVERAL_GROUPS;
  }

  const broken: number[] = [];
  for (let r = 0; r < rules.length; r += 1) if (pending[r] === NONE_PENDING) broken.push(r);

  const groupCount = product.groups.length;
  const armedStart = new Array<number>(groupCount + 1).fill(0);
  const forEachArmed = (visit: (group: number, rule: number) => void) => {
    for (let r = 0; r < rules.length; r += 1) {
      const target = pending[r]!;
      if (target >= 0) visit(target, r);
      else if (target === NONE_PENDING) {
        const groups = rules[r]!.groups;
        for (let g = 0; g < groups.length; g += 1) visit(groups[g]!, r);
      }
    }
  };
  forEachArmed((group) => {
    armedStart[group + 1] = armedStart[group + 1]! + 1;
  });
  for (let g = 0; g < groupCount; g += 1) armedStart[g + 1] = armedStart[g + 1]! + armedStart[g]!;
  const armedRules = new Array<number>(armedStart[groupCount]!).fill(0);
  const fill = armedStart.slice(0, groupCount);
  forEachArmed((group, rule) => {
    armedRules[fill[group]!] = rule;
    fill[group] = fill[group]! + 1;
  });
  return { armedStart, armedRules, broken };
}

/** The rules armed for a group, as a view (no copy). */
export function armedFor(truths: LiteralTruths, group: number): number[] {
  return truths.armedRules.slice(truths.armedStart[group]!, truths.armedStart[group + 1]!);
}
