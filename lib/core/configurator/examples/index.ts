import type { ProductDefinition } from "../product-definition";
import type { PartSpec } from "./part-spec";
import { madeToMeasureShirt, madeToMeasureShirtParts } from "./made-to-measure-shirt";
import { refrigerator, refrigeratorParts } from "./refrigerator";
import { tailoredTrousers, tailoredTrousersParts } from "./tailored-trousers";
import { washingMachine, washingMachineParts } from "./washing-machine";

export type { PartSpec } from "./part-spec";
export { madeToMeasureShirt, refrigerator, tailoredTrousers, washingMachine };

/** The demo catalogue, per manufacturer, with the parts each product's bill of materials uses. */
export const exampleCatalog: { manufacturer: "appliances" | "textiles"; product: ProductDefinition; parts: PartSpec[] }[] = [
  { manufacturer: "appliances", product: refrigerator, parts: refrigeratorParts },
  { manufacturer: "appliances", product: washingMachine, parts: washingMachineParts },
  { manufacturer: "textiles", product: madeToMeasureShirt, parts: madeToMeasureShirtParts },
  { manufacturer: "textiles", product: tailoredTrousers, parts: tailoredTrousersParts },
];
