import { describe, expect, it } from "vitest";
import { applyChoice } from "./apply-choice";
import { smallFridge } from "./test-fixtures/small-fridge";

const product = smallFridge({
  rules: [
    { id: "french-max-width", kind: "numeric", message: "French doors need at most 90 cm.", when: [{ group: "door", is: "french" }], group: "width", op: "<=", value: 90 },
    { id: "glass-is-steel", kind: "set", message: "Glass doors have a steel frame.", when: [{ group: "door", is: "glass" }], group: "color", value: "steel" },
    {
      id: "ice-needs-water",
      kind: "requires",
      message: "The ice maker needs water.",
      when: { group: "extras", is: "ice" },
      require: { group: "water", in: ["plumbed", "tank"] },
    },
  ],
});

describe("applyChoice", () => {
  it("adds a consistent choice as the latest, changing nothing else", () => {
    const result = applyChoice(product, { width: 80 }, "door", "french");
    expect(result).toMatchObject({ ok: true, configuration: { width: 80, door: "french" }, changes: [], resolved: true });
  });

  it("changes the earlier choice that contradicts the new one and says so", () => {
    const result = applyChoice(product, { width: 110, color: "black" }, "door", "french");
    if (!result.ok) throw new Error("expected ok");
    expect(result.changes).toEqual([{ group: "width", label: "Width", from: 110, to: 90, wasChoice: true }]);
    expect(result.configuration).toEqual({ width: 90, color: "black", door: "french" });
    expect(Object.keys(result.configuration).at(-1)).toBe("door");
    expect(result.evaluation.valid).toBe(true);
  });

  it("prefers changing a default over a customer's choice, and writes the change down", () => {
    const result = applyChoice(product, {}, "extras", ["ice"]);
    if (!result.ok) throw new Error("expected ok");
    // The water group has no default: choosing ice sets it (a change, not a customer choice).
    expect(result.changes).toEqual([{ group: "water", label: "Water", from: null, to: "plumbed", wasChoice: false }]);
    expect(result.configuration).toEqual({ water: "plumbed", extras: ["ice"] });
  });

  it("a group chosen again moves to the end of the choice order", () => {
    const first = applyChoice(product, { door: "glass", width: 80 }, "door", "french");
    if (!first.ok) throw new Error("expected ok");
    expect(Object.keys(first.configuration)).toEqual(["width", "door"]);
  });

  it("removes a choice with null, bringing the default back", () => {
    const result = applyChoice(product, { color: "black", door: "french" }, "color", null);
    expect(result).toMatchObject({ ok: true, configuration: { door: "french" } });
    if (result.ok) expect(result.evaluation.configuration.color).toBe("white");
  });

  it("refuses an invalid value with the group named, changing nothing", () => {
    expect(applyChoice(product, {}, "width", 125)).toEqual({
      ok: false,
      error: { group: "width", code: "OUT_OF_RANGE", message: "Width must be between 60 and 120 cm" },
    });
    expect(applyChoice(product, {}, "size", 1)).toMatchObject({ ok: false, error: { group: "size", code: "UNKNOWN_GROUP" } });
  });
});
