import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";
import { smallFridge } from "./test-fixtures/small-fridge";

const product = smallFridge({
  bom: [
    { partNumber: "CAB-1", quantity: 1 },
    { partNumber: "GASKET-M", quantity: 2, scaleBy: { group: "width", factor: 0.013, roundUpTo: 0.5 } },
    { partNumber: "HINGE", quantity: 2 },
    { partNumber: "HINGE", quantity: 2, when: { group: "door", is: "french" } },
    { partNumber: "GLASS-PANE", quantity: 1, when: { group: "door", is: "glass" } },
    { partNumber: "ICE-KIT", quantity: 1, when: { group: "extras", is: "ice" } },
    { partNumber: "ENGR-PLATE", quantity: 1, when: { group: "engraving", filled: true } },
    { partNumber: "FOAM-KG", quantity: 1, scaleBy: { group: "width", factor: 0.1 } },
  ],
});

describe("bill of materials", () => {
  it("lists the unconditional lines, scaled by the numeric group and rounded up", () => {
    // Gasket: 2 × 70 × 0.013 = 1.82 m → 2.0 m in 0.5 m steps. Foam: 70 × 0.1 = 7 kg, not rounded.
    expect(evaluate(product, {}).partsList).toEqual([
      { partNumber: "CAB-1", quantityPerUnit: 1, quantity: 1 },
      { partNumber: "GASKET-M", quantityPerUnit: 2, quantity: 2 },
      { partNumber: "HINGE", quantityPerUnit: 2, quantity: 2 },
      { partNumber: "FOAM-KG", quantityPerUnit: 7, quantity: 7 },
    ]);
  });

  it("adds option lines, sums lines of the same part and multiplies by the order quantity", () => {
    // Width 110: gasket 2 × 110 × 0.013 = 2.86 → 3.0 m; foam 11 kg.
    const parts = evaluate(product, { door: "french", width: 110, extras: ["ice"], engraving: "AB" }, { quantity: 3 }).partsList;
    expect(parts).toEqual([
      { partNumber: "CAB-1", quantityPerUnit: 1, quantity: 3 },
      { partNumber: "GASKET-M", quantityPerUnit: 3, quantity: 9 },
      { partNumber: "HINGE", quantityPerUnit: 4, quantity: 12 },
      { partNumber: "ICE-KIT", quantityPerUnit: 1, quantity: 3 },
      { partNumber: "ENGR-PLATE", quantityPerUnit: 1, quantity: 3 },
      { partNumber: "FOAM-KG", quantityPerUnit: 11, quantity: 33 },
    ]);
  });
});
