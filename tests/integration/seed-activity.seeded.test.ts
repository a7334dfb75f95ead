import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { seedDemoActivity } from "@/prisma/seed/seed-demo-activity";

describe("demo activity", () => {
  it("places the demo consumer's orders and fills the backlog, once", async () => {
    const first = await seedDemoActivity("small");
    expect(first.orders).toBe(4);
    expect(first["backlog jobs"]).toBe(70);
    const counts = { orders: await db.order.count(), jobs: await db.productionJob.count(), requests: await db.partsRequest.count() };
    expect(await seedDemoActivity("small")).toEqual(first);
    expect({ orders: await db.order.count(), jobs: await db.productionJob.count(), requests: await db.partsRequest.count() }).toEqual(counts);
  });
});
