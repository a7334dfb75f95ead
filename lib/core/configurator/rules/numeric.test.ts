import { describe, expect, it } from "vitest";
import { evaluate } from "../evaluate";
import { groupOf, optionOf } from "../test-fixtures/evaluation-lookups";
import { smallFridge } from "../test-fixtures/small-fridge";

const product = smallFridge({
  rules: [
    {
      id: "french-max-width",
      kind: "numeric",
      message: "French doors need a width of at most 90 cm.",
      when: [{ group: "door", is: "french" }],
      group: "width",
      op: "<=",
      value: 90,
    },
    {
      id: "ice-min-width",
      kind: "numeric",
      message: "The ice maker needs at least 80 cm.",
      when: [{ group: "extras", is: "ice" }],
      group: "width",
      op: ">=",
      value: 80,
    },
  ],
});

describe("numeric rule", () => {
  it("narrows the allowed range of the numeric group, with the messages", () => {
    const width = groupOf(evaluate(product, { door: "french", extras: ["ice"] }), "width");
    expect(width).toMatchObject({
      allowedMin: 80,
      allowedMax: 90,
      blockedBy: [
        { ruleId: "french-max-width", message: "French doors need a width of at most 90 cm." },
        { ruleId: "ice-min-width", message: "The ice maker needs at least 80 cm." },
      ],
    });
    expect(groupOf(evaluate(product, {}), "width")).toMatchObject({ allowedMin: 60, allowedMax: 120, blockedBy: [] });
  });

  it("blocks the option that would break it at the current value", () => {
    const evaluation = evaluate(product, { width: 100 });
    expect(optionOf(evaluation, "door", "french")).toMatchObject({ available: false, blockedBy: [{ ruleId: "french-max-width" }] });
    expect(optionOf(evaluation, "door", "glass").available).toBe(true);
  });

  it("keeps the customer's width and proposes the nearest allowed one", () => {
    const evaluation = evaluate(product, { width: 110, door: "french" });
    expect(evaluation.configuration.width).toBe(110);
    expect(evaluation.errors).toEqual([
      { group: "door", code: "RULE_VIOLATED", message: "French doors need a width of at most 90 cm.", ruleId: "french-max-width" },
    ]);
    expect(evaluation.fix).toEqual([{ group: "width", label: "Width", from: 110, to: 90, wasChoice: true }]);
  });

  it("moves a default width into the allowed range", () => {
    const evaluation = evaluate(product, { extras: ["ice"] });
    expect(evaluation.configuration.width).toBe(80);
    expect(groupOf(evaluation, "width").source).toBe("adjusted-default");
    expect(evaluation.valid).toBe(true);
  });
});
