import { describe, expect, it } from "vitest";
import { checkConfigurationRequest } from "./check-configuration-request";
import { smallFridge } from "./test-fixtures/small-fridge";

const product = smallFridge({
  rules: [{ id: "french-max-width", kind: "numeric", message: "French doors need at most 90 cm.", when: [{ group: "door", is: "french" }], group: "width", op: "<=", value: 90 }],
});

describe("checkConfigurationRequest", () => {
  it("accepts a valid configuration with the right quoted total and returns the server's evaluation", () => {
    const result = checkConfigurationRequest(product, { configuration: { door: "french" }, quantity: 2, quotedTotal: 110_000 });
    expect(result).toMatchObject({ ok: true, quantity: 2, evaluation: { price: { total: 110_000 } } });
  });

  it("answers 400 with the field named for shape errors", () => {
    const result = checkConfigurationRequest(product, { configuration: { door: ["french", 3] }, quantity: 0, extra: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.status).toBe(400);
    expect(result.issues.map((issue) => issue.field)).toEqual(["configuration.door", "quantity", "(body)"]);
  });

  it("answers 400 naming the option group for unknown options, out-of-range numbers and disallowed characters", () => {
    const result = checkConfigurationRequest(product, { configuration: { door: "round", width: 200, engraving: "ab!" } });
    if (result.ok) throw new Error("expected a refusal");
    expect(result.issues.map((issue) => [issue.field, issue.code])).toEqual([
      ["configuration.door", "UNKNOWN_OPTION"],
      ["configuration.width", "OUT_OF_RANGE"],
      ["configuration.engraving", "DISALLOWED_CHARACTERS"],
    ]);
  });

  it("refuses a tampered price and a configuration that breaks a rule", () => {
    const tampered = checkConfigurationRequest(product, { configuration: {}, quotedTotal: 1 });
    if (tampered.ok) throw new Error("expected a refusal");
    expect(tampered.issues).toEqual([{ field: "quotedTotal", code: "PRICE_MISMATCH", message: "The price has changed; please review the new total." }]);
    const broken = checkConfigurationRequest(product, { configuration: { width: 100, door: "french" } });
    if (broken.ok) throw new Error("expected a refusal");
    expect(broken.issues).toEqual([{ field: "configuration.door", code: "RULE_VIOLATED", message: "French doors need at most 90 cm." }]);
  });
});
