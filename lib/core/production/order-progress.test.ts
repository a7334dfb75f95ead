import { describe, expect, it } from "vitest";
import { orderProgress, orderStatusAfterJobChange } from "./order-progress";

describe("order status from line events", () => {
  it("goes into production when the first job starts, and completes when all jobs are done", () => {
    expect(orderStatusAfterJobChange("scheduled", ["running", "queued"])).toBe("in_production");
    expect(orderStatusAfterJobChange("in_production", ["done", "running"])).toBe("in_production");
    expect(orderStatusAfterJobChange("in_production", ["done", "done"])).toBe("completed");
  });
  it("never moves an order backwards, nor a cancelled or shipped one", () => {
    expect(orderStatusAfterJobChange("scheduled", ["queued", "queued"])).toBe("scheduled");
    expect(orderStatusAfterJobChange("cancelled", ["done"])).toBe("cancelled");
    expect(orderStatusAfterJobChange("shipped", ["done"])).toBe("shipped");
  });
  it("weights progress by job minutes and counts done jobs as 100 %", () => {
    expect(orderProgress([{ status: "done", progress: 40, minutes: 30 }, { status: "running", progress: 50, minutes: 90 }])).toBe(62.5);
    expect(orderProgress([])).toBe(0);
  });
});
