import { describe, expect, it } from "vitest";
import { chooseSupplier, orderQuantityFor, type SupplierOffer } from "./choose-supplier";

const offer = (supplierId: string, unitPrice: number, leadTimeDays: number, minOrderQty = 1, active = true): SupplierOffer => ({
  supplierId, unitPrice, leadTimeDays, minOrderQty, active,
});

describe("chooseSupplier", () => {
  it("takes the cheapest of the offers that arrive in time", () => {
    const choice = chooseSupplier([offer("fast", 900, 2), offer("cheap", 500, 5), offer("slow-cheapest", 100, 20)], 3, 7);
    expect(choice).toEqual({ supplierId: "cheap", orderQuantity: 3, totalCost: 1500, leadTimeDays: 5, meetsNeededBy: true });
  });

  it("counts the minimum order quantity in the cost", () => {
    // 2 needed: "bulk" must sell 25 (25 × 100 = 2500) — dearer than 2 × 900 = 1800.
    expect(chooseSupplier([offer("bulk", 100, 3, 25), offer("single", 900, 3)], 2, 7)?.supplierId).toBe("single");
    expect(orderQuantityFor(2, 25)).toBe(25);
    expect(orderQuantityFor(2.4, 1)).toBe(3); // parts are bought in whole units
  });

  it("when nobody is in time, takes the fastest", () => {
    const choice = chooseSupplier([offer("a", 100, 12), offer("b", 900, 9)], 1, 5);
    expect(choice).toMatchObject({ supplierId: "b", meetsNeededBy: false });
  });

  it("skips inactive offers and suppliers already tried", () => {
    const offers = [offer("tried", 100, 1), offer("off", 50, 1, 1, false), offer("next", 300, 4)];
    expect(chooseSupplier(offers, 1, 7, new Set(["tried"]))?.supplierId).toBe("next");
    expect(chooseSupplier([offer("tried", 100, 1)], 1, 7, new Set(["tried"]))).toBeNull();
  });

  it("breaks ties deterministically by supplier id", () => {
    expect(chooseSupplier([offer("zeta", 100, 3), offer("alpha", 100, 3)], 1, 7)?.supplierId).toBe("alpha");
  });
});
