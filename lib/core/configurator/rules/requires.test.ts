import { describe, expect, it } from "vitest";
import { evaluate } from "../evaluate";
import { availableOptions, optionOf } from "../test-fixtures/evaluation-lookups";
import { smallFridge } from "../test-fixtures/small-fridge";

const product = smallFridge({
  rules: [
    {
      id: "ice-needs-water",
      kind: "requires",
      message: "The ice maker needs a water supply.",
      when: { group: "extras", is: "ice" },
      require: { group: "water", in: ["plumbed", "tank"] },
    },
  ],
});

describe("requires rule", () => {
  it("blocks the option while the requirement is unmet, with the rule's message", () => {
    const evaluation = evaluate(product, {});
    expect(optionOf(evaluation, "extras", "ice")).toMatchObject({ available: false, blockedBy: [{ ruleId: "ice-needs-water", message: "The ice maker needs a water supply." }] });
  });

  it("lets the option be chosen once the requirement holds", () => {
    const evaluation = evaluate(product, { water: "tank" });
    expect(optionOf(evaluation, "extras", "ice").available).toBe(true);
    expect(evaluate(product, { water: "tank", extras: ["ice"] }).valid).toBe(true);
  });

  it("is a conflict naming both groups when chosen anyway; the fix sets the requirement", () => {
    const evaluation = evaluate(product, { extras: ["ice"] });
    expect(evaluation.valid).toBe(false);
    expect(evaluation.errors).toEqual([
      { group: "extras", code: "RULE_VIOLATED", message: "The ice maker needs a water supply.", ruleId: "ice-needs-water" },
    ]);
    expect(evaluation.conflicts[0]).toMatchObject({ choice: { group: "extras", value: ["ice"] }, earlier: [{ group: "water", value: null }] });
    expect(evaluation.fix).toEqual([{ group: "water", label: "Water", from: null, to: "plumbed", wasChoice: false }]);
  });

  it("keeps every option that satisfies the requirement available, and nothing else changes", () => {
    const evaluation = evaluate(product, { water: "tank", extras: ["ice"] });
    expect(availableOptions(evaluation, "water")).toEqual(["plumbed", "tank"]);
    expect(availableOptions(evaluation, "extras")).toEqual(["ice", "wifi", "alarm"]);
  });
});
