import { z } from "zod";
import { checkReferences } from "./definition/check-references";
import { ProductShapeSchema } from "./definition/product-shape-schema";

export type { BomLine } from "./definition/bom-schema";
export type { Condition, ComparisonOperator } from "./definition/condition-schema";
export type { MultiGroup, NumericGroup, Option, OptionGroup, SingleGroup, TextGroup } from "./definition/option-group-schema";
export { CHARACTER_SETS } from "./definition/option-group-schema";
export type { PriceRule } from "./definition/price-rule-schema";
export type { Routing } from "./definition/routing-schema";
export type { Rule, RuleKind } from "./definition/rule-schema";

/**
 * The one JSON document that describes a published product version: its option groups,
 * rules, price rules, parts and routing. It is stored as-is (a JSON column per version) and
 * every consumer — browser configurator, order placement, seed — reads it through this schema.
 */
export const ProductDefinitionSchema = ProductShapeSchema.superRefine(checkReferences);

export type ProductDefinition = z.output<typeof ProductDefinitionSchema>;
/** What an author writes: defaults (required: false, priceDelta: 0 …) may be left out. */
export type ProductDefinitionInput = z.input<typeof ProductDefinitionSchema>;

/**
 * For definitions written in code (examples, seed): parses at load time so a typo in a group
 * or option code fails loudly with the path of the mistake, and returns the complete document.
 */
export function defineProduct(definition: ProductDefinitionInput): ProductDefinition {
  const parsed = ProductDefinitionSchema.safeParse(definition);
  if (!parsed.success) {
    throw new Error(`Invalid product definition "${definition.slug}":\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
