import { describe, expect, it } from "vitest";
import { allocateStock } from "./allocate-stock";

describe("allocateStock", () => {
  it("takes what stock can give, buys the rest, and sums a part over the order's lines", () => {
    const allocation = allocateStock(
      [
        { partNumber: "A", quantity: 2 },
        { partNumber: "B", quantity: 1.2 },
        { partNumber: "A", quantity: 3 },
        { partNumber: "B", quantity: 1.2 },
      ],
      [
        { partNumber: "A", onHand: 10, reserved: 7 },
        { partNumber: "B", onHand: 5, reserved: 0 },
      ],
    );
    expect(allocation).toEqual([
      { partNumber: "A", need: 5, fromStock: 3, toBuy: 2 },
      { partNumber: "B", need: 3, fromStock: 3, toBuy: 0 }, // 2.4 m → 3 m
    ]);
  });

  it("buys everything of a part with no stock record, and never reserves more than is free", () => {
    expect(allocateStock([{ partNumber: "X", quantity: 4 }], [])).toEqual([{ partNumber: "X", need: 4, fromStock: 0, toBuy: 4 }]);
    expect(allocateStock([{ partNumber: "Y", quantity: 4 }], [{ partNumber: "Y", onHand: 2, reserved: 5 }])).toEqual([
      { partNumber: "Y", need: 4, fromStock: 0, toBuy: 4 },
    ]);
  });

  it("does not round float noise up to an extra unit", () => {
    expect(allocateStock([{ partNumber: "F", quantity: 0.1 + 0.2 + 2.7 }], [])[0]?.need).toBe(3);
  });
});
