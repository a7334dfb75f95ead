import { describe, expect, it } from "vitest";
import { orderTimeline } from "./order-timeline";

const events = [
  { kind: "placed", at: "2026-12-01T10:00:00Z" },
  { kind: "parts_confirmed", at: "2026-12-02T09:00:00Z" },
];

describe("orderTimeline", () => {
  it("marks what happened, what is happening and what is ahead", () => {
    const steps = orderTimeline("parts_confirmed", events);
    expect(steps.map((s) => s.state)).toEqual(["done", "current", "upcoming", "upcoming", "upcoming", "upcoming"]);
    expect(steps[1]).toMatchObject({ label: "Parts confirmed", at: "2026-12-02T09:00:00Z" });
    expect(steps[2]?.at).toBeNull();
  });
  it("a shipped order is done throughout; a cancelled one stops where it was", () => {
    expect(orderTimeline("shipped", events).every((s) => s.state === "done")).toBe(true);
    expect(orderTimeline("cancelled", events).map((s) => s.state)).toEqual(["done", "done", "upcoming", "upcoming", "upcoming", "upcoming"]);
  });
});
