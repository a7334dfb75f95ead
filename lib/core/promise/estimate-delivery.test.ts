import { describe, expect, it } from "vitest";
import { evaluate } from "../configurator/evaluate";
import { refrigerator } from "../configurator/examples";
import { addCalendarDays, estimateDelivery, type DeliveryEstimateInput } from "./estimate-delivery";

const base: DeliveryEstimateInput = {
  today: "2026-12-01",
  partsList: [
    { partNumber: "FR-DOOR-FRN", quantity: 2 },
    { partNumber: "FR-HDL-BAR", quantity: 2 },
    { partNumber: "FR-GASKET-M", quantity: 3.7 },
  ],
  stock: { "FR-HDL-BAR": 10, "FR-GASKET-M": 1.2 },
  offers: {
    "FR-DOOR-FRN": [
      { supplier: "Nordpanel", leadTimeDays: 9, unitPrice: 4_000, minimumOrderQuantity: 1 },
      { supplier: "Doorworks", leadTimeDays: 7, unitPrice: 5_500, minimumOrderQuantity: 10 },
    ],
    "FR-GASKET-M": [{ supplier: "Sealco", leadTimeDays: 3, unitPrice: 300, minimumOrderQuantity: 50 }],
  },
  productionMinutes: 115,
  shippingDays: 3,
  partNames: { "FR-DOOR-FRN": "door panel" },
};

describe("estimateDelivery", () => {
  it("adds parts, production and shipping and says what it rests on", () => {
    const estimate = estimateDelivery(base);
    expect(estimate).toMatchObject({
      kind: "estimate",
      label: "Estimated delivery",
      arrivalDate: "2026-12-12",
      totalDays: 11,
      basis: [
        { stage: "parts", days: 7, label: "parts in 7 days (door panel from Doorworks)" },
        { stage: "production", days: 1, label: "production 1 day" },
        { stage: "shipping", days: 3, label: "shipping 3 days" },
      ],
    });
    if (estimate.kind !== "estimate") return;
    expect(estimate.parts).toEqual([
      { partNumber: "FR-DOOR-FRN", needed: 2, onHand: 0, shortfall: 2, source: "supplier", supplier: "Doorworks", leadTimeDays: 7, orderQuantity: 10 },
      { partNumber: "FR-HDL-BAR", needed: 2, onHand: 10, shortfall: 0, source: "stock", supplier: null, leadTimeDays: 0, orderQuantity: 0 },
      { partNumber: "FR-GASKET-M", needed: 3.7, onHand: 1.2, shortfall: 2.5, source: "supplier", supplier: "Sealco", leadTimeDays: 3, orderQuantity: 50 },
    ]);
  });

  it("breaks lead-time ties by the cheaper order, minimum quantity included", () => {
    const estimate = estimateDelivery({
      ...base,
      partsList: [{ partNumber: "X", quantity: 2 }],
      offers: {
        X: [
          { supplier: "Cheap each, big minimum", leadTimeDays: 5, unitPrice: 100, minimumOrderQuantity: 100 },
          { supplier: "Dearer, no minimum", leadTimeDays: 5, unitPrice: 900, minimumOrderQuantity: 1 },
        ],
      },
    });
    expect(estimate.kind === "estimate" && estimate.parts[0]?.supplier).toBe("Dearer, no minimum");
  });

  it("uses stock alone when it covers everything, and counts production in whole shifts", () => {
    const estimate = estimateDelivery({ ...base, stock: { "FR-DOOR-FRN": 2, "FR-HDL-BAR": 2, "FR-GASKET-M": 4 }, productionMinutes: 1_000 });
    expect(estimate).toMatchObject({ arrivalDate: "2026-12-07", totalDays: 6 });
    expect(estimate.kind === "estimate" && estimate.basis.map((stage) => stage.label)).toEqual(["all parts in stock", "production 3 days", "shipping 3 days"]);
  });

  it("adds slow options' days and lets express shorten only the wait", () => {
    const slow = estimateDelivery({ ...base, optionLeadTimeDays: 5, queueDays: 2 });
    expect(slow).toMatchObject({ totalDays: 18 });
    const express = estimateDelivery({ ...base, optionLeadTimeDays: -7, queueDays: 2 });
    expect(express).toMatchObject({ totalDays: 11 });
  });

  it("says which parts cannot be sourced instead of guessing a date", () => {
    expect(estimateDelivery({ ...base, offers: {} })).toEqual({
      kind: "unavailable",
      missing: [
        { partNumber: "FR-DOOR-FRN", shortfall: 2 },
        { partNumber: "FR-GASKET-M", shortfall: 2.5 },
      ],
      message: "No stock and no supplier for FR-DOOR-FRN, FR-GASKET-M",
    });
  });

  it("takes evaluate's parts list and job as they come", () => {
    const evaluation = evaluate(refrigerator, { door: "french", width: 80 }, { quantity: 2 });
    const stock = Object.fromEntries(evaluation.partsList.map((line) => [line.partNumber, line.quantity]));
    const estimate = estimateDelivery({ today: "2026-03-27", partsList: evaluation.partsList, stock, offers: {}, productionMinutes: evaluation.job.minutes, shippingDays: 2 });
    // 2 × (95 + 20) = 230 minutes: one day; over the European daylight-saving change, still calendar days.
    expect(estimate).toMatchObject({ kind: "estimate", arrivalDate: "2026-03-30", totalDays: 3 });
  });
});

describe("addCalendarDays", () => {
  it("counts UTC calendar days across month ends, leap days and DST changes, from a day or an instant", () => {
    expect(addCalendarDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addCalendarDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addCalendarDays("2026-10-24", 2)).toBe("2026-10-26");
    expect(addCalendarDays(new Date("2026-03-28T23:30:00-05:00"), 1)).toBe("2026-03-30");
    expect(() => addCalendarDays("1/12/2026", 1)).toThrow(RangeError);
  });
});
