import type { ChoiceValue, Configuration } from "@/lib/core/configurator/configuration";
import type { ProductDefinition } from "@/lib/core/configurator/product-definition";

/** A value as the consumer reads it: option labels, numbers with their unit. */
export function describeValue(definition: ProductDefinition, groupCode: string, value: ChoiceValue | null | undefined): string {
  const group = definition.groups.find((g) => g.code === groupCode);
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return "none";
  if (!group) return String(value);
  if (group.kind === "numeric") return `${value} ${group.unit}`;
  if (group.kind === "text") return `“${value}”`;
  const label = (code: string) => group.options.find((option) => option.code === code)?.label.toLowerCase() ?? code;
  return Array.isArray(value) ? value.map(label).join(", ") : label(String(value));
}

/**
 * What else a choice changes in the configuration the consumer sees (their earlier choices,
 * defaults that had to move, values rules set): "width to 90 cm, handles to recessed grips".
 */
export function describeEffects(definition: ProductDefinition, before: Configuration, after: Configuration, chosenGroup: string): string[] {
  const effects: string[] = [];
  for (const group of definition.groups) {
    if (group.code === chosenGroup) continue;
    const from = JSON.stringify(before[group.code] ?? null);
    const to = JSON.stringify(after[group.code] ?? null);
    if (from !== to) effects.push(`${group.label.toLowerCase()} to ${describeValue(definition, group.code, after[group.code])}`);
  }
  return effects;
}
