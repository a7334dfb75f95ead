import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";
import { smallFridge } from "./test-fixtures/small-fridge";

const product = smallFridge({
  routing: {
    capabilities: ["sheet-metal", "assembly"],
    minutesPerUnit: 90,
    familyGroup: "color",
    extras: [
      { when: { group: "engraving", filled: true }, minutes: 12, capabilities: ["laser-engraving"] },
      { when: { group: "door", is: "glass" }, minutes: 20, capabilities: ["glass-handling", "assembly"] },
      { when: { group: "width", op: ">=", value: 100 }, minutes: 15 },
    ],
  },
});

describe("routing", () => {
  it("names the family from the product type and the variant group's option", () => {
    expect(evaluate(product, {}).job.family).toBe("fridge-painted");
    expect(evaluate(product, { color: "black" }).job.family).toBe("fridge-painted");
    expect(evaluate(product, { color: "steel" }).job.family).toBe("fridge-steel");
  });

  it("adds the extras' minutes and capabilities, once each, and scales by quantity", () => {
    expect(evaluate(product, {}).job).toEqual({ family: "fridge-painted", capabilities: ["sheet-metal", "assembly"], minutesPerUnit: 90, minutes: 90 });
    expect(evaluate(product, { door: "glass", engraving: "XY", width: 100 }, { quantity: 2 }).job).toEqual({
      family: "fridge-painted",
      capabilities: ["sheet-metal", "assembly", "laser-engraving", "glass-handling"],
      minutesPerUnit: 137,
      minutes: 274,
    });
  });

  it("uses the standard variant when the product declares no variant group", () => {
    const plain = smallFridge({ routing: { capabilities: ["assembly"], minutesPerUnit: 30 } });
    expect(evaluate(plain, {}).job.family).toBe("fridge-standard");
  });
});
