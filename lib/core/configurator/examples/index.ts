import type { ProductDefinition } from "../product-definition";
import type { PartSpec } from "./part-spec";
import { madeToMeasureShirt } from "./made-to-measure-shirt";
import { madeToMeasureShirtParts } from "./made-to-measure-shirt-parts";
import { refrigerator } from "./refrigerator";
import { refrigeratorParts } from "./refrigerator-parts";
import { tailoredTrousers } from "./tailored-trousers";
import { tailoredTrousersParts } from "./tailored-trousers-parts";
import { washingMachine } from "./washing-machine";
import { washingMachineParts } from "./washing-machine-parts";

export type { PartSpec } from "./part-spec";
export { madeToMeasureShirt, madeToMeasureShirtParts, refrigerator, refrigeratorParts, tailoredTrousers, tailoredTrousersParts, washingMachine, washingMachineParts };

/** The demo catalogue, per manufacturer, with the parts each product's bill of materials uses. */
export const exampleCatalog: { manufacturer: "appliances" | "textiles"; product: ProductDefinition; parts: PartSpec[] }[] = [
  { manufacturer: "appliances", product: refrigerator, parts: refrigeratorParts },
  { manufacturer: "appliances", product: washingMachine, parts: washingMachineParts },
  { manufacturer: "textiles", product: madeToMeasureShirt, parts: madeToMeasureShirtParts },
  { manufacturer: "textiles", product: tailoredTrousers, parts: tailoredTrousersParts },
];
