import type { Configuration } from "../configurator/configuration";
import type { Option, ProductDefinition } from "../configurator/product-definition";

/** What the renderers read: per role (see the definition's preview.layers), the chosen value. */
export interface PreviewLayers {
  /** The option chosen for a role's group (the first pick of a multi group). */
  option(role: string): Option | undefined;
  /** The role's numeric value as a fraction 0..1 of its group's range, or `fallback`. */
  fraction(role: string, fallback: number): number;
  /** The role's text, unescaped (escape before use). */
  text(role: string): string;
  /** Every chosen option's label, for the generic picture's caption. */
  labels(): string[];
}

export function previewLayers(product: ProductDefinition, configuration: Configuration): PreviewLayers {
  const roles = product.preview?.layers ?? {};
  const groupFor = (role: string) => product.groups.find((group) => group.code === roles[role]);
  return {
    option(role) {
      const group = groupFor(role);
      if (!group || (group.kind !== "single" && group.kind !== "multi")) return undefined;
      const value = configuration[group.code];
      const code = Array.isArray(value) ? value[0] : value;
      return group.options.find((option) => option.code === code);
    },
    fraction(role, fallback) {
      const group = groupFor(role);
      const value = group ? configuration[group.code] : undefined;
      if (group?.kind !== "numeric" || typeof value !== "number" || !Number.isFinite(value) || group.max === group.min) return fallback;
      return Math.min(1, Math.max(0, (value - group.min) / (group.max - group.min)));
    },
    text(role) {
      const group = groupFor(role);
      const value = group ? configuration[group.code] : undefined;
      return group?.kind === "text" && typeof value === "string" ? value.slice(0, group.maxLength) : "";
    },
    labels() {
      const labels: string[] = [];
      for (const group of product.groups) {
        if (group.kind !== "single" && group.kind !== "multi") continue;
        const value = configuration[group.code];
        const codes = Array.isArray(value) ? value : [value];
        for (const option of group.options) if (codes.includes(option.code)) labels.push(option.label);
      }
      return labels;
    },
  };
}
