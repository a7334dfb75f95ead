import { describe, expect, it } from "vitest";
import { promiseOrder } from "./order-promise";

const base = { today: new Date("2026-12-01T15:30:00Z"), partLeadDays: [0, 5, 3], longestUnitMinutes: 120, minutesPerWorkingDay: 960, optionLeadDays: 0, shippingDays: 3 };

describe("promiseOrder", () => {
  it("adds parts, production, a buffer and shipping in calendar days", () => {
    const promise = promiseOrder(base);
    // parts 5 + production 1 + buffer (1 safety + 2) = 9 days to make → due Dec 10; +3 shipping → Dec 13.
    expect(promise.productionDue.toISOString()).toBe("2026-12-10T00:00:00.000Z");
    expect(promise.promisedDate.toISOString()).toBe("2026-12-13T00:00:00.000Z");
    expect(promise.partsNeededBy.toISOString()).toBe("2026-12-09T00:00:00.000Z");
  });

  it("custom options add days; express removes buffer but never parts or production", () => {
    expect(promiseOrder({ ...base, optionLeadDays: 5 }).promisedDate.toISOString()).toBe("2026-12-18T00:00:00.000Z");
    const express = promiseOrder({ ...base, optionLeadDays: -7 });
    expect(express.productionDue.toISOString()).toBe("2026-12-07T00:00:00.000Z"); // 5 parts + 1 production
    expect(express.breakdown.safetyDays).toBeGreaterThanOrEqual(0);
  });

  it("long units take more production days; all-stock orders need no parts days", () => {
    const promise = promiseOrder({ ...base, partLeadDays: [], longestUnitMinutes: 2000 });
    expect(promise.breakdown).toMatchObject({ partsDays: 0, productionDays: 3 });
  });
});
