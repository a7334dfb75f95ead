import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "@/lib/core/clock/clock";
import { evaluate } from "@/lib/core/configurator/evaluate";
import { refrigerator } from "@/lib/core/configurator/examples";
import { workingMinutesBetween } from "@/lib/core/promise/working-time";
import { setServerClock } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import { placeOrder } from "@/lib/server/orders/place-order";
import { loadPromiseFactory } from "@/lib/server/promise/load-promise-factory";
import { forgetSafetyMargins, loadSafetyMargins, PRIOR_MARGIN_MINUTES } from "@/lib/server/promise/load-safety-margins";
import { stopPromiseWorker } from "@/lib/server/promise/promise-worker-client";
import { respondToPartsRequest } from "@/lib/server/suppliers/respond-to-parts-request";
import { actorOf } from "../../support/actors";
import { createUser } from "../../support/factories";
import { applianceOrder, organizationBySlug } from "../../support/order-fixtures";

/**
 * The supplier safety margin learns from supplier promise accuracy as soon as suppliers answer:
 * dates confirmed after the day production needed the parts widen it, long before those orders
 * finish (finished orders alone would teach it weeks later).
 */
const clock = fixedClock("2027-01-11T07:00:00Z");
const DAY_MS = 86_400_000;

beforeAll(() => setServerClock(clock));
afterAll(async () => {
  setServerClock(undefined);
  await stopPromiseWorker();
});

async function margins(manufacturerId: string) {
  forgetSafetyMargins();
  const now = clock.now().getTime();
  const factory = await loadPromiseFactory(manufacturerId, now);
  return { margins: await loadSafetyMargins(manufacturerId, now, factory.calendar, 0.9), calendar: factory.calendar };
}

describe("supplier safety margin", () => {
  it("stays at the prior while suppliers keep to the plan, and grows by how late they confirm", { timeout: 120_000 }, async () => {
    const nordkyl = await organizationBySlug("nordkyl");
    const buyer = await actorOf(await createUser("consumer", null));
    const place = async () => {
      const { order } = await placeOrder(buyer, applianceOrder({ items: [{ productId: refrigerator.id, configuration: evaluate(refrigerator, { finish: "black-glass" }).configuration, quantity: 1 }] }));
      const requests = await db.partsRequest.findMany({ where: { orderId: order.id, status: "requested" } });
      expect(requests.length).toBeGreaterThan(0);
      return requests;
    };
    const confirm = async (requests: Awaited<ReturnType<typeof place>>, lateDays: number) => {
      for (const request of requests) {
        const supplier = await actorOf(await createUser("supplier", request.supplierId));
        const promisedDate = new Date(request.neededBy.getTime() + lateDays * DAY_MS).toISOString().slice(0, 10);
        await respondToPartsRequest(supplier, { requestId: request.id, action: "confirm", promisedDate });
      }
    };

    await confirm(await place(), 0);
    const onTime = await margins(nordkyl.id);
    expect(onTime.margins.supplier.minutes).toBe(PRIOR_MARGIN_MINUTES.supplier);

    const late = await place();
    await confirm(late, 4);
    const afterLate = await margins(nordkyl.id);
    // Two orders of history blend with the prior: more than the prior, less than the full delay.
    const needed = late[0]!.neededBy.getTime();
    const delay = workingMinutesBetween(afterLate.calendar, needed, needed + 4 * DAY_MS);
    expect(delay).toBeGreaterThan(PRIOR_MARGIN_MINUTES.supplier);
    expect(afterLate.margins.supplier.minutes).toBeGreaterThan(PRIOR_MARGIN_MINUTES.supplier);
    expect(afterLate.margins.supplier.minutes).toBeLessThan(delay);
    expect(afterLate.margins.supplier.samples).toBe(2);
    // Orders made from stock are not affected.
    expect(afterLate.margins.stock.minutes).toBe(onTime.margins.stock.minutes);
  });
});
