import type { ProductDefinition } from "@/lib/core/configurator/product-definition";

/** The job families a product can become: `<productType>-<variant>` (see the routing schema). */
export function familiesOf(definition: ProductDefinition): string[] {
  const groupCode = definition.routing.familyGroup;
  const group = groupCode ? definition.groups.find((g) => g.code === groupCode) : undefined;
  if (!group || !("options" in group)) return [`${definition.productType}-standard`];
  return [...new Set(group.options.map((option) => `${definition.productType}-${option.familyVariant ?? option.code}`))];
}

/**
 * Changeovers within a product type: cheap towards darker or "harder" variants, dearer back
 * (cleaning paint lines, changing tooling). Across product types the manufacturer's default
 * applies. Asymmetric on purpose: the scheduler should learn to sequence.
 */
export function setupMatrixFor(families: string[]): Array<{ fromFamily: string; toFamily: string; minutes: number }> {
  const entries: Array<{ fromFamily: string; toFamily: string; minutes: number }> = [];
  const byType = new Map<string, string[]>();
  for (const family of families) {
    const type = family.split("-")[0]!;
    byType.set(type, [...(byType.get(type) ?? []), family]);
  }
  for (const group of byType.values()) {
    group.forEach((from, i) =>
      group.forEach((to, j) => {
        if (i !== j) entries.push({ fromFamily: from, toFamily: to, minutes: j > i ? 10 + 5 * (j - i) : 25 + 5 * (i - j) });
      }),
    );
  }
  return entries;
}
