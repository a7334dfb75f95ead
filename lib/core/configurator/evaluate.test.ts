import { describe, expect, it } from "vitest";
import { defineProduct } from "./product-definition";
import { evaluate } from "./evaluate";
import { groupOf } from "./test-fixtures/evaluation-lookups";
import { smallFridge } from "./test-fixtures/small-fridge";

const product = smallFridge();

describe("evaluate", () => {
  it("applies defaults and reports where every value came from", () => {
    const evaluation = evaluate(product, { door: "glass" });
    expect(evaluation.configuration).toEqual({ color: "white", door: "glass", width: 70 });
    expect(evaluation.groups.map((group) => [group.code, group.source])).toEqual([
      ["color", "default"],
      ["door", "choice"],
      ["width", "default"],
      ["extras", null],
      ["water", null],
      ["engraving", null],
    ]);
    expect(evaluation).toMatchObject({ productId: "test-fridge", version: 3, currency: "EUR", complete: true, valid: true, errors: [] });
  });

  it("names the group of every bad input and leaves the bad value out", () => {
    const evaluation = evaluate(product, {
      colour: "white",
      door: "round",
      width: 75,
      extras: ["ice", "ice"],
      engraving: "<b>",
    } as never);
    expect(evaluation.errors.map((error) => [error.group, error.code])).toEqual([
      ["colour", "UNKNOWN_GROUP"],
      ["door", "UNKNOWN_OPTION"],
      ["width", "OFF_STEP"],
      ["extras", "DUPLICATE_OPTION"],
      ["engraving", "DISALLOWED_CHARACTERS"],
    ]);
    expect(evaluation.configuration).toEqual({ color: "white", door: "single", width: 70 });
    expect(evaluation.valid).toBe(false);
  });

  it("rejects out-of-range numbers, too many picks, too-long text and wrong types", () => {
    const evaluation = evaluate(product, { width: 130, extras: ["ice", "wifi", "alarm"], engraving: "ABCABC", water: 3 });
    expect(evaluation.errors.map((error) => [error.group, error.code])).toEqual([
      ["width", "OUT_OF_RANGE"],
      ["extras", "TOO_MANY_PICKS"],
      ["engraving", "TOO_LONG"],
      ["water", "WRONG_TYPE"],
    ]);
    expect(evaluation.errors[0]?.message).toBe("Width must be between 60 and 120 cm");
  });

  it("is incomplete while a required group without a default is empty", () => {
    const noDefaults = defineProduct({
      ...smallFridge(),
      groups: smallFridge().groups.map((group) =>
        group.kind === "single" ? { ...group, options: group.options.map((option) => ({ ...option, default: false })) } : group,
      ),
    });
    const evaluation = evaluate(noDefaults, { color: "black" });
    expect(evaluation.complete).toBe(false);
    expect(evaluation.errors).toEqual([{ group: "door", code: "REQUIRED", message: "Choose door" }]);
    expect(evaluate(noDefaults, { color: "black", door: "single" }).complete).toBe(true);
  });

  it("sums the chosen options' lead-time effects", () => {
    expect(evaluate(product, {}).leadTimeDays).toBe(0);
    expect(evaluate(product, { door: "glass", extras: ["ice", "wifi"] }).leadTimeDays).toBe(6);
  });

  it("accepts numbers within float noise of the grid and stores them on the grid", () => {
    const shirtLike = defineProduct({
      ...smallFridge(),
      groups: [{ code: "sleeve", label: "Sleeve", kind: "numeric", required: true, min: 56, max: 72, step: 0.1, unit: "cm" }],
      routing: { capabilities: ["sewing"], minutesPerUnit: 1 },
    });
    expect(evaluate(shirtLike, { sleeve: 64.30000000000001 }).configuration).toEqual({ sleeve: 64.3 });
    expect(groupOf(evaluate(shirtLike, { sleeve: 64.35 }), "sleeve").value).toBeNull();
  });

  it("refuses a quantity outside 1 to 10 000", () => {
    expect(() => evaluate(product, {}, { quantity: 0 })).toThrow(RangeError);
    expect(() => evaluate(product, {}, { quantity: 1.5 })).toThrow(RangeError);
  });

  it("does not let a __proto__ key reach an object prototype", () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "door": "glass"}');
    const evaluation = evaluate(product, hostile);
    expect(evaluation.errors.map((error) => error.code)).toEqual(["UNKNOWN_GROUP"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
