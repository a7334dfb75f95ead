import { describe, expect, it } from "vitest";
import { evaluate } from "../configurator/evaluate";
import { madeToMeasureShirt, refrigerator, tailoredTrousers, washingMachine } from "../configurator/examples";
import type { ProductDefinition } from "../configurator/product-definition";
import { productFamilies } from "./product-families";

/** Every family the routing gives a job when each option of the family group is chosen. */
function routedFamilies(product: ProductDefinition): string[] {
  const group = product.groups.find((candidate) => candidate.code === product.routing.familyGroup);
  if (!group || !("options" in group)) return [evaluate(product, {}).job.family];
  return [...new Set(group.options.map((option) => evaluate(product, { [group.code]: option.code }).job.family))].sort();
}

describe("the families a product becomes", () => {
  it.each([refrigerator, washingMachine, madeToMeasureShirt, tailoredTrousers])("are the routing's for $slug", (product) => {
    expect(productFamilies(product).sort()).toEqual(routedFamilies(product));
  });

  it("follows familyVariant, else the option's code", () => {
    expect(productFamilies(refrigerator).sort()).toEqual(["fridge-glass", "fridge-painted", "fridge-steel"]);
    expect(productFamilies(washingMachine).sort()).toEqual(["washer-11kg", "washer-7kg", "washer-9kg"]);
  });

  it("is <type>-standard without a family group, and nothing for a document it cannot read", () => {
    const plain = { ...washingMachine, routing: { ...washingMachine.routing, familyGroup: undefined } };
    expect(productFamilies(plain)).toEqual(["washer-standard"]);
    expect(evaluate(plain, {}).job.family).toBe("washer-standard");
    expect(productFamilies({ not: "a product" })).toEqual([]);
  });
});
