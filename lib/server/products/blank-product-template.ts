import type { ProductDefinitionInput } from "@/lib/core/configurator";

/**
 * The smallest document that parses and passes the analysis: one required single-choice group
 * with one default option, and a routing the admin will replace. Everything else is added in the
 * editor.
 */
export function blankProductTemplate(productType: string, currency: string): Omit<ProductDefinitionInput, "id" | "slug" | "name" | "version"> {
  return {
    productType,
    currency,
    basePrice: 0,
    groups: [{ code: "model", label: "Model", kind: "single", required: true, options: [{ code: "standard", label: "Standard", default: true }] }],
    rules: [],
    priceRules: [],
    bom: [],
    routing: { capabilities: ["assembly"], minutesPerUnit: 60, extras: [] },
  };
}
