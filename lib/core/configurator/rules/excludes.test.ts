import { describe, expect, it } from "vitest";
import { evaluate } from "../evaluate";
import { groupOf, optionOf } from "../test-fixtures/evaluation-lookups";
import { smallFridge } from "../test-fixtures/small-fridge";

const product = smallFridge({
  rules: [
    {
      id: "no-engraving-on-glass",
      kind: "excludes",
      message: "Glass doors cannot be engraved.",
      between: [
        { group: "door", is: "glass" },
        { group: "engraving", filled: true },
      ],
    },
    {
      id: "no-steel-wifi",
      kind: "excludes",
      message: "Wi-Fi does not work through a steel door.",
      between: [
        { group: "color", is: "steel" },
        { group: "extras", is: "wifi" },
      ],
    },
  ],
});

describe("excludes rule", () => {
  it("blocks each side while the other holds (symmetric)", () => {
    const withWifi = evaluate(product, { extras: ["wifi"] });
    expect(optionOf(withWifi, "color", "steel")).toMatchObject({ available: false, blockedBy: [{ ruleId: "no-steel-wifi" }] });
    const withSteel = evaluate(product, { color: "steel" });
    expect(optionOf(withSteel, "extras", "wifi")).toMatchObject({ available: false, blockedBy: [{ ruleId: "no-steel-wifi" }] });
    expect(optionOf(withSteel, "extras", "ice").available).toBe(true);
  });

  it("blocks filling in a text group, and frees it when the other side changes", () => {
    const glass = evaluate(product, { door: "glass" });
    expect(groupOf(glass, "engraving")).toMatchObject({ available: false, blockedBy: [{ message: "Glass doors cannot be engraved." }] });
    expect(groupOf(evaluate(product, { door: "french" }), "engraving")).toMatchObject({ available: true, blockedBy: [] });
  });

  it("reports the later choice as the one in conflict with the earlier one", () => {
    const evaluation = evaluate(product, { engraving: "abc", door: "glass" });
    expect(evaluation.configuration.engraving).toBe("ABC");
    expect(evaluation.conflicts).toEqual([
      {
        ruleId: "no-engraving-on-glass",
        message: "Glass doors cannot be engraved.",
        choice: { group: "door", value: "glass", source: "choice" },
        earlier: [{ group: "engraving", value: "ABC", source: "choice" }],
      },
    ]);
    expect(evaluation.fix).toEqual([{ group: "engraving", label: "Engraving", from: "ABC", to: "", wasChoice: true }]);
  });
});
