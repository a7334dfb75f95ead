import type { ProductDefinition } from "@/lib/core/configurator/product-definition";
import type { PartSpec } from "@/lib/core/configurator/examples/part-spec";
import { refrigerator, refrigeratorParts } from "@/lib/core/configurator/examples/refrigerator";
import type { DemoOrganizationSlug } from "./demo-organizations";

export type DemoProduct = { manufacturer: DemoOrganizationSlug; definition: ProductDefinition; parts: PartSpec[] };

export const DEMO_PRODUCTS: DemoProduct[] = [{ manufacturer: "nordkyl", definition: refrigerator, parts: refrigeratorParts }];
