import { describe, expect, it } from "vitest";
import { formatMoney } from "./format-money";

describe("formatMoney", () => {
  it("formats minor units by the currency's own decimals", () => {
    expect(formatMoney(129_900, "EUR")).toBe("€1,299.00");
    expect(formatMoney(5, "USD")).toBe("$0.05");
    expect(formatMoney(1500, "JPY")).toBe("¥1,500");
  });
});
