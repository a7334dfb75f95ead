import { describe, expect, it } from "vitest";
import { evaluate } from "../evaluate";
import { groupOf, optionOf } from "../test-fixtures/evaluation-lookups";
import { smallFridge } from "../test-fixtures/small-fridge";

const product = smallFridge({
  rules: [
    { id: "glass-is-steel", kind: "set", message: "Glass doors have a steel frame.", when: [{ group: "door", is: "glass" }], group: "color", value: "steel" },
    { id: "french-alarm", kind: "set", message: "French doors include the alarm.", when: [{ group: "door", is: "french" }], group: "extras", value: "alarm" },
    { id: "ice-width", kind: "set", message: "The ice maker model is 90 cm wide.", when: [{ group: "extras", is: "ice" }], group: "width", value: 90 },
  ],
});

describe("set rule", () => {
  it("sets a group that the customer has not chosen, and says which rule did", () => {
    const evaluation = evaluate(product, { door: "glass" });
    expect(evaluation.configuration.color).toBe("steel");
    expect(groupOf(evaluation, "color")).toMatchObject({ source: "rule", setByRule: "glass-is-steel" });
    expect(evaluation.valid).toBe(true);
  });

  it("adds the option to a multi group and sets numbers", () => {
    expect(evaluate(product, { door: "french" }).configuration.extras).toEqual(["alarm"]);
    expect(evaluate(product, { extras: ["ice"] }).configuration.width).toBe(90);
  });

  it("never overrides the customer's own choice: that is a conflict with the rule's message", () => {
    const evaluation = evaluate(product, { color: "white", door: "glass" });
    expect(evaluation.configuration.color).toBe("white");
    expect(evaluation.errors).toEqual([{ group: "door", code: "RULE_VIOLATED", message: "Glass doors have a steel frame.", ruleId: "glass-is-steel" }]);
    expect(evaluation.fix).toEqual([{ group: "color", label: "Colour", from: "white", to: "steel", wasChoice: true }]);
  });

  it("marks the trigger unavailable while the customer holds a different value", () => {
    expect(optionOf(evaluate(product, { color: "black" }), "door", "glass")).toMatchObject({
      available: false,
      blockedBy: [{ ruleId: "glass-is-steel" }],
    });
  });
});
