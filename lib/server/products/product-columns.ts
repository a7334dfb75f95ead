import type { ProductDefinition } from "@/lib/core/configurator";

/**
 * The Product row's copies of the document's basics, which the catalogue lists and the
 * product's address uses. They describe what consumers see: the published version once there
 * is one, the draft before the first publish.
 */
export function productColumns(definition: ProductDefinition) {
  return {
    slug: definition.slug,
    name: definition.name,
    description: definition.description ?? "",
    productType: definition.productType,
    currency: definition.currency,
    basePrice: definition.basePrice,
  };
}
