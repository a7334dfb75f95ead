import type { ProductDefinition } from "./product-definition";

/**
 * The product editor's tabs, which are also the parts of a draft the API saves one at a time.
 * Shared by the editor (what a tab sends) and the server (what a section may replace).
 */
export const DRAFT_SECTIONS = ["basics", "groups", "rules", "priceRules", "bom", "routing"] as const;
export type DraftSection = (typeof DRAFT_SECTIONS)[number];

/** The document's top-level fields each section owns; "basics" is everything about the product itself. */
export const DRAFT_SECTION_FIELDS: Record<DraftSection, readonly (keyof ProductDefinition)[]> = {
  basics: ["name", "slug", "description", "productType", "currency", "basePrice", "preview"],
  groups: ["groups"],
  rules: ["rules"],
  priceRules: ["priceRules"],
  bom: ["bom"],
  routing: ["routing"],
};
