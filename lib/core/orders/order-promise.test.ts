import { describe, expect, it } from "vitest";
import { promiseOrder } from "./order-promise";

const offers = { DOOR: [{ supplier: "Polar", leadTimeDays: 5, unitPrice: 100, minimumOrderQuantity: 1 }], SHELL: [{ supplier: "Meridian", leadTimeDays: 2, unitPrice: 100, minimumOrderQuantity: 1 }] };

describe("promiseOrder", () => {
  it("promises the latest item's estimated arrival, and derives when production and parts are due", () => {
    const result = promiseOrder({
      today: "2026-12-01",
      stock: { SHELL: 10 },
      offers,
      shippingDays: 3,
      minutesPerDay: 480,
      items: [
        { partsList: [{ partNumber: "SHELL", quantity: 1 }], productionMinutes: 100, optionLeadTimeDays: 0 }, // stock, 1 day, 3 ship → Dec 5
        { partsList: [{ partNumber: "DOOR", quantity: 1 }], productionMinutes: 900, optionLeadTimeDays: 0 }, // 5 + 2 + 3 → Dec 11
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.promise.promisedDate.toISOString()).toBe("2026-12-11T00:00:00.000Z");
    expect(result.promise.productionDue.toISOString()).toBe("2026-12-08T00:00:00.000Z");
    expect(result.promise.partsNeededBy.toISOString()).toBe("2026-12-06T00:00:00.000Z");
    expect(result.promise.itemEstimates).toHaveLength(2);
  });

  it("says which part nobody can deliver", () => {
    const result = promiseOrder({ today: "2026-12-01", stock: {}, offers, shippingDays: 3, items: [{ partsList: [{ partNumber: "GHOST", quantity: 2 }], productionMinutes: 60, optionLeadTimeDays: 0 }] });
    expect(result).toEqual({ ok: false, missing: [{ partNumber: "GHOST", shortfall: 2 }] });
  });
});
