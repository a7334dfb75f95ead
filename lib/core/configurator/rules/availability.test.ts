import { describe, expect, it } from "vitest";
import { evaluate } from "../evaluate";
import { availableOptions, optionOf } from "../test-fixtures/evaluation-lookups";
import { smallFridge } from "../test-fixtures/small-fridge";

const product = smallFridge({
  rules: [
    {
      id: "glass-colours",
      kind: "availability",
      message: "Glass doors come in black or steel.",
      when: [{ group: "door", is: "glass" }],
      group: "color",
      only: ["black", "steel"],
    },
    {
      id: "wide-extras",
      kind: "availability",
      message: "Above 100 cm only the alarm fits.",
      when: [{ group: "width", op: ">", value: 100 }],
      group: "extras",
      only: ["alarm"],
    },
  ],
});

describe("availability rule", () => {
  it("leaves only the listed options when its condition holds", () => {
    const evaluation = evaluate(product, { color: "black", door: "glass" });
    expect(availableOptions(evaluation, "color")).toEqual(["black", "steel"]);
    expect(optionOf(evaluation, "color", "white").blockedBy).toEqual([{ ruleId: "glass-colours", message: "Glass doors come in black or steel." }]);
    expect(availableOptions(evaluate(product, {}), "color")).toEqual(["white", "black", "steel"]);
  });

  it("moves a default that is no longer allowed instead of reporting a conflict", () => {
    const evaluation = evaluate(product, { door: "glass" });
    expect(evaluation.configuration.color).toBe("black");
    expect(evaluation.groups[0]?.source).toBe("adjusted-default");
    expect(evaluation.valid).toBe(true);
  });

  it("works on multi groups and under numeric conditions; an empty pick list is fine", () => {
    const wide = evaluate(product, { width: 110 });
    expect(availableOptions(wide, "extras")).toEqual(["alarm"]);
    expect(wide.valid).toBe(true);
    expect(evaluate(product, { width: 110, extras: ["alarm", "ice"] }).errors.map((error) => error.ruleId)).toEqual(["wide-extras"]);
    expect(availableOptions(evaluate(product, { width: 100 }), "extras")).toEqual(["ice", "wifi", "alarm"]);
  });
});
