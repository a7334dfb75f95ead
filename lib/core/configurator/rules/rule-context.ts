import type { CompiledGroup } from "../compile/compiled-product";

/** What a rule compiler needs to resolve codes to indices. */
export interface RuleContext {
  groups: CompiledGroup[];
  groupIndex: Map<string, number>;
}

export function groupOf(context: RuleContext, code: string): CompiledGroup {
  const index = context.groupIndex.get(code);
  const group = index === undefined ? undefined : context.groups[index];
  if (!group) throw new Error(`unknown group "${code}" (validate the definition first)`);
  return group;
}
