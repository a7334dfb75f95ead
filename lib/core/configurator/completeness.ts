import type { Assignment } from "./assignment";
import { isOpen } from "./assignment";
import type { CompiledProduct } from "./compile/compiled-product";

export interface CompletenessError {
  group: string;
  code: "REQUIRED" | "TOO_FEW_PICKS" | "TOO_MANY_PICKS";
  message: string;
}

/** What is still missing before the configuration can be ordered, one error per group. */
export function completenessErrors(product: CompiledProduct, assignment: Assignment): CompletenessError[] {
  const errors: CompletenessError[] = [];
  for (const group of product.groups) {
    if (isOpen(group, assignment)) {
      const verb = group.kind === "single" ? "Choose" : "Enter";
      errors.push({ group: group.code, code: "REQUIRED", message: `${verb} ${group.label.toLowerCase()}` });
    } else if (group.kind === "multi") {
      const picks = assignment.pickCount[group.index] ?? 0;
      if (picks < group.minPicks) {
        errors.push({ group: group.code, code: "TOO_FEW_PICKS", message: `${group.label}: choose at least ${group.minPicks}` });
      } else if (picks > group.maxPicks) {
        errors.push({ group: group.code, code: "TOO_MANY_PICKS", message: `${group.label}: choose at most ${group.maxPicks}` });
      }
    }
  }
  return errors;
}
