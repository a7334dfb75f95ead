import type { ProductDefinition } from "@/lib/core/configurator/product-definition";
import { exampleCatalog, type PartSpec } from "@/lib/core/configurator/examples";
import type { DemoOrganizationSlug } from "./demo-organizations";

export type DemoProduct = { manufacturer: DemoOrganizationSlug; definition: ProductDefinition; parts: PartSpec[] };

const MANUFACTURER_OF = { appliances: "nordkyl", textiles: "sartoria" } as const;

/** The example products of the configurator, each at its demo manufacturer. */
export const DEMO_PRODUCTS: DemoProduct[] = exampleCatalog.map((entry) => ({
  manufacturer: MANUFACTURER_OF[entry.manufacturer],
  definition: entry.product,
  parts: entry.parts,
}));
