import { describe, expect, it } from "vitest";
import { madeToMeasureShirt, refrigerator, washingMachine } from "../configurator/examples";
import { productFamilies } from "./product-families";

describe("the families a product becomes", () => {
  it("follows the family group's variants, as the routing does", () => {
    expect(productFamilies(refrigerator).sort()).toEqual(["fridge-glass", "fridge-painted", "fridge-steel"]);
    expect(productFamilies(madeToMeasureShirt).sort()).toEqual(["shirt-cotton", "shirt-linen"]);
  });

  it("is <type>-standard without a family group, and nothing for a document it cannot read", () => {
    const plain = { ...washingMachine, routing: { ...washingMachine.routing, familyGroup: undefined } };
    expect(productFamilies(plain)).toEqual([`${washingMachine.productType}-standard`]);
    expect(productFamilies({ not: "a product" })).toEqual([]);
  });
});
