import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";
import { smallFridge } from "./test-fixtures/small-fridge";

const product = smallFridge({
  priceRules: [
    { id: "wide", kind: "per-unit", label: "Width over 80 cm (per started 10 cm)", group: "width", above: 80, per: 10, amount: 2_500 },
    {
      id: "engraved-steel",
      kind: "surcharge",
      label: "Engraving on steel",
      when: [
        { group: "color", is: "steel" },
        { group: "engraving", filled: true },
      ],
      amount: 1_250,
    },
    { id: "glass-premium", kind: "percentage", label: "Glass premium", when: [{ group: "door", is: "glass" }], percent: 12.5 },
    { id: "ice-discount", kind: "percentage", label: "Ice maker promotion", when: [{ group: "extras", is: "ice" }], percent: -5 },
    {
      id: "volume",
      kind: "quantity-break",
      label: "Volume discount",
      breaks: [
        { minQuantity: 3, percentOff: 2.5 },
        { minQuantity: 10, percentOff: 10 },
      ],
    },
  ],
});

describe("price", () => {
  it("is the base price alone for the defaults", () => {
    expect(evaluate(product, {}).price).toEqual({
      currency: "EUR",
      quantity: 1,
      unitPrice: 50_000,
      total: 50_000,
      lines: [{ kind: "base", label: "Test fridge", amount: 50_000 }],
    });
  });

  it("adds option deltas (single and multi) in group then option order", () => {
    const { price } = evaluate(product, { extras: ["wifi", "alarm"], color: "black" });
    expect(price.lines.slice(1)).toEqual([
      { kind: "option", label: "Colour: Black", amount: 1_000, group: "color", option: "black" },
      { kind: "option", label: "Extras: Wi-Fi", amount: 1_500, group: "extras", option: "wifi" },
      { kind: "option", label: "Extras: Alarm", amount: 500, group: "extras", option: "alarm" },
    ]);
    expect(price.unitPrice).toBe(53_000);
  });

  it("charges per started unit above the threshold", () => {
    // 90 cm is one started 10 cm step over 80; 100 cm two; 80 cm none.
    expect(evaluate(product, { width: 80 }).price.unitPrice).toBe(50_000);
    expect(evaluate(product, { width: 90 }).price.lines.at(-1)).toEqual({ kind: "per-unit", label: "Width over 80 cm (per started 10 cm)", amount: 2_500, ruleId: "wide" });
    expect(evaluate(product, { width: 100 }).price.unitPrice).toBe(55_000);
  });

  it("adds a surcharge only when all its conditions hold", () => {
    expect(evaluate(product, { color: "steel" }).price.unitPrice).toBe(52_000);
    expect(evaluate(product, { color: "steel", engraving: "AB" }).price.unitPrice).toBe(53_250);
  });

  it("takes each percentage of the same subtotal (no compounding), rounding half away from zero", () => {
    // Subtotal 50 000 + 8 000 (glass) + 3 000 (ice) = 61 000. 12.5 % = 7 625; −5 % = −3 050.
    const { price } = evaluate(product, { door: "glass", extras: ["ice"] });
    expect(price.lines.filter((line) => line.kind === "percentage").map((line) => line.amount)).toEqual([7_625, -3_050]);
    expect(price.unitPrice).toBe(65_575);
    // 50 000 + 8 000 + 1 000 (black) + 500 (alarm) = 59 500 → 12.5 % = 7 437.5 → 7 438.
    expect(evaluate(product, { door: "glass", color: "black", extras: ["alarm"] }).price.unitPrice).toBe(59_500 + 7_438);
  });

  it("applies the largest quantity break reached to the line total", () => {
    expect(evaluate(product, {}, { quantity: 2 }).price.total).toBe(100_000);
    const three = evaluate(product, {}, { quantity: 3 }).price;
    expect(three.lines.at(-1)).toEqual({ kind: "quantity-break", label: "Volume discount (3+ units)", amount: -3_750, ruleId: "volume" });
    expect(three.total).toBe(146_250);
    expect(evaluate(product, {}, { quantity: 10 }).price.total).toBe(450_000);
  });

  it("never goes below zero", () => {
    const cheap = smallFridge({
      priceRules: [{ id: "giveaway", kind: "surcharge", label: "Giveaway", when: [{ group: "door", is: "single" }], amount: -60_000 }],
    });
    const { price } = evaluate(cheap, {});
    expect(price.lines.at(-1)).toEqual({ kind: "floor", label: "Price cannot go below zero", amount: 10_000 });
    expect(price.unitPrice).toBe(0);
    expect(price.total).toBe(0);
  });
});
