import { describe, expect, it } from "vitest";
import { canCancelOrder, canShipOrder, deriveOrderStatus, type OrderFacts } from "./order-status";

const facts = (overrides: Partial<OrderFacts>): OrderFacts => ({ cancelled: false, shipped: false, partsConfirmed: false, jobStatuses: ["waiting_parts"], ...overrides });

describe("deriveOrderStatus", () => {
  it("walks the order's life from its facts", () => {
    expect(deriveOrderStatus(facts({}))).toBe("placed");
    expect(deriveOrderStatus(facts({ partsConfirmed: true, jobStatuses: ["ready", "ready"] }))).toBe("parts_confirmed");
    expect(deriveOrderStatus(facts({ partsConfirmed: true, jobStatuses: ["scheduled", "ready"] }))).toBe("parts_confirmed");
    expect(deriveOrderStatus(facts({ partsConfirmed: true, jobStatuses: ["scheduled", "queued"] }))).toBe("scheduled");
    expect(deriveOrderStatus(facts({ partsConfirmed: true, jobStatuses: ["running", "queued"] }))).toBe("in_production");
    expect(deriveOrderStatus(facts({ partsConfirmed: true, jobStatuses: ["done", "queued"] }))).toBe("in_production");
    expect(deriveOrderStatus(facts({ partsConfirmed: true, jobStatuses: ["done", "done"] }))).toBe("completed");
    expect(deriveOrderStatus(facts({ partsConfirmed: true, shipped: true, jobStatuses: ["done"] }))).toBe("shipped");
    expect(deriveOrderStatus(facts({ cancelled: true, partsConfirmed: true }))).toBe("cancelled");
  });

  it("a failed job keeps the order in production (it will be remade), never completed", () => {
    expect(deriveOrderStatus(facts({ partsConfirmed: true, jobStatuses: ["failed", "done"] }))).toBe("in_production");
  });

  it("cancellation is possible until production starts; shipping only when complete", () => {
    const statuses = ["placed", "parts_confirmed", "scheduled", "in_production", "completed", "shipped", "cancelled"] as const;
    expect(statuses.map(canCancelOrder)).toEqual([true, true, true, false, false, false, false]);
    expect(statuses.map(canShipOrder)).toEqual([false, false, false, false, true, false, false]);
  });
});
