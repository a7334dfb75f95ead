import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/core/configurator/evaluate";
import { refrigerator } from "@/lib/core/configurator/examples";
import { db } from "@/lib/server/db";
import { placeOrder } from "@/lib/server/orders/place-order";
import ordersRoute from "@/pages/api/orders";
import { createUser } from "../../support/factories";
import { callNodeRoute } from "../../support/node-route-client";
import { actorOf } from "../../support/actors";
import { applianceOrder, defaultConfiguration, organizationBySlug } from "../../support/order-fixtures";

const orderCounts = async () => ({
  orders: await db.order.count(),
  items: await db.orderItem.count(),
  requests: await db.partsRequest.count(),
  jobs: await db.productionJob.count(),
  reservations: await db.stockReservation.count(),
});

describe("placing an order", () => {
  it("turns the cart into an order, parts requests per supplier and one job per unit — in one go", async () => {
    const consumer = await createUser("consumer", null);
    const nordkyl = await organizationBySlug("nordkyl");
    const body = applianceOrder();
    const { order, replayed } = await placeOrder(await actorOf(consumer), body);
    expect(replayed).toBe(false);
    expect(order.number).toMatch(/^TL-\d{6}-[0-9A-Z]{6}$/);

    const stored = await db.order.findUniqueOrThrow({
      where: { id: order.id },
      include: { items: { include: { jobs: true } }, partsRequests: { include: { part: true } }, events: true },
    });
    expect(stored).toMatchObject({ consumerId: consumer.id, manufacturerId: nordkyl.id, currency: "EUR", idempotencyKey: body.idempotencyKey });
    // The server's own price, item by item, snapshotted with the configuration and the product version.
    const fridgePrice = evaluate(refrigerator, defaultConfiguration(refrigerator), { quantity: 2 }).price;
    const fridgeItem = stored.items.find((item) => item.productId === refrigerator.id)!;
    expect(fridgeItem).toMatchObject({ quantity: 2, unitPrice: fridgePrice.unitPrice, totalPrice: fridgePrice.total });
    expect(fridgeItem.priceBreakdown).toMatchObject({ total: fridgePrice.total });
    expect(stored.totalPrice).toBe(stored.items.reduce((sum, item) => sum + item.totalPrice, 0));

    // One job per unit: 2 fridges + 1 washer, due before the promised date, waiting for parts.
    const jobs = stored.items.flatMap((item) => item.jobs);
    expect(jobs).toHaveLength(3);
    expect(new Set(jobs.map((job) => job.code)).size).toBe(3);
    for (const job of jobs) {
      expect(job.due.getTime()).toBeLessThan(stored.promisedDate!.getTime());
      expect(job.manufacturerId).toBe(nordkyl.id);
      expect(job.requires.length).toBeGreaterThan(0);
    }
    expect(jobs.filter((job) => job.family.startsWith("fridge-"))).toHaveLength(2);

    // Every part the configuration needs is either reserved from stock or requested from a
    // supplier that serves this manufacturer, at most one request per part.
    const partNumbers = stored.partsRequests.map((request) => request.part.partNumber);
    expect(new Set(partNumbers).size).toBe(partNumbers.length);
    const serving = await db.supplierRelationship.findMany({ where: { manufacturerId: nordkyl.id } });
    for (const request of stored.partsRequests) {
      expect(serving.map((s) => s.supplierId)).toContain(request.supplierId);
      expect(request.status).toBe("requested");
      expect(request.neededBy.getTime()).toBeLessThanOrEqual(stored.promisedDate!.getTime());
    }
    expect(stored.partsRequests.length).toBeGreaterThan(0);
    expect(jobs.every((job) => job.status === "waiting_parts")).toBe(true);
    expect(stored.events.map((event) => event.kind)).toEqual(["placed"]);

    // Suppliers and the factory hear about it.
    const outbox = await db.outboxEvent.findMany({ where: { payload: { path: ["orderId"], equals: order.id } } });
    expect(outbox.map((event) => event.type).sort()).toEqual(expect.arrayContaining(["order.placed", "parts-request.created"]));
  });

  it("prices an order on the version published now, after another process republished the product", async () => {
    const consumer = await createUser("consumer", null);
    const actor = await actorOf(consumer);
    await placeOrder(actor, applianceOrder()); // this process has read the current version
    // Republished behind this process's back (as another app process would): dearer by 100.00.
    const product = await db.product.findUniqueOrThrow({ where: { id: refrigerator.id } });
    const dearer = { ...refrigerator, basePrice: refrigerator.basePrice + 10_000 };
    const version = await db.productVersion.create({ data: { productId: refrigerator.id, version: product.publishedVersion! + 1, definition: dearer } });
    await db.product.update({ where: { id: refrigerator.id }, data: { publishedVersion: version.version } });

    const { order } = await placeOrder(actor, applianceOrder());
    const item = await db.orderItem.findFirstOrThrow({ where: { orderId: order.id, productId: refrigerator.id } });
    expect(item.productVersionId).toBe(version.id);
    expect(item.unitPrice).toBe(evaluate(dearer, defaultConfiguration(refrigerator), { quantity: 2 }).price.unitPrice);
  });

  it("is idempotent: the same key twice gives the same order and creates nothing more", async () => {
    const actor = await actorOf(await createUser("consumer", null));
    const body = applianceOrder();
    const first = await placeOrder(actor, body);
    const before = await orderCounts();
    const second = await placeOrder(actor, body);
    expect(second).toEqual({ order: first.order, replayed: true });
    expect(await orderCounts()).toEqual(before);
  });

  it("is idempotent under concurrency: two tries at once make one order", async () => {
    const actor = await actorOf(await createUser("consumer", null));
    const body = applianceOrder();
    const results = await Promise.all([placeOrder(actor, body), placeOrder(actor, body)]);
    expect(results[0].order.id).toBe(results[1].order.id);
    expect(await db.order.count({ where: { idempotencyKey: body.idempotencyKey } })).toBe(1);
    expect(results.map((r) => r.replayed).sort()).toEqual([false, true]);
  });

  it("never reserves more stock than is on hand, however many orders race for it", async () => {
    const nordkyl = await organizationBySlug("nordkyl");
    const shell = await db.part.findUniqueOrThrow({ where: { manufacturerId_partNumber: { manufacturerId: nordkyl.id, partNumber: "FR-CAB-SHELL" } } });
    await db.part.update({ where: { id: shell.id }, data: { onHand: shell.reserved + 2 } }); // two free shells
    const actors = await Promise.all([0, 1, 2, 3].map(async () => actorOf(await createUser("consumer", null))));
    await Promise.all(actors.map((actor) => placeOrder(actor, applianceOrder())));
    const after = await db.part.findUniqueOrThrow({ where: { id: shell.id } });
    expect(after.reserved).toBeLessThanOrEqual(after.onHand);
    expect(after.reserved - shell.reserved).toBe(2);
  });

  it("takes many concurrent orders for the same parts, listed in different orders, without a deadlock", async () => {
    // On PostgreSQL (TEST_DATABASE_URL) these run on separate connections and lock the same
    // part rows; an order whose items come in reverse would lock them in reverse, too.
    const actors = await Promise.all(Array.from({ length: 16 }, async () => actorOf(await createUser("consumer", null))));
    const blackFridge = { productId: refrigerator.id, configuration: evaluate(refrigerator, { finish: "black-steel" }).configuration, quantity: 1 };
    // Stock enough for every order: each one reserves (locks) the same part rows, in every round.
    const nordkyl = await organizationBySlug("nordkyl");
    await db.part.updateMany({ where: { manufacturerId: nordkyl.id }, data: { onHand: 100_000 } });
    const reservedBefore = await db.part.aggregate({ where: { manufacturerId: nordkyl.id }, _sum: { reserved: true } });
    const before = await orderCounts();
    const failures: string[] = [];
    for (let round = 0; round < 3; round++) {
      const results = await Promise.allSettled(
        actors.map((actor, index) => {
          const order = applianceOrder();
          const items = [...order.items, blackFridge];
          return placeOrder(actor, { ...order, items: index % 2 === 0 ? items : items.reverse() });
        }),
      );
      failures.push(...results.flatMap((result) => (result.status === "rejected" ? [String(result.reason)] : [])));
    }
    expect(failures).toEqual([]);
    const after = await orderCounts();
    expect(after.orders - before.orders).toBe(48);
    // every order took its parts from stock, and the parts' reserved counts add up to the reservations
    expect(after.reservations - before.reservations).toBeGreaterThanOrEqual(48);
    const reservedAfter = await db.part.aggregate({ where: { manufacturerId: nordkyl.id }, _sum: { reserved: true } });
    const reservedNow = await db.stockReservation.aggregate({ where: { part: { manufacturerId: nordkyl.id }, releasedAt: null, createdAt: { gte: new Date(0) } }, _sum: { quantity: true } });
    expect((reservedAfter._sum.reserved ?? 0) - (reservedBefore._sum.reserved ?? 0)).toBeGreaterThan(0);
    expect(reservedAfter._sum.reserved).toBe(reservedNow._sum.quantity);
  });

  it("refuses the same key with another body (409), and another consumer's key", async () => {
    const actor = await actorOf(await createUser("consumer", null));
    const body = applianceOrder();
    await placeOrder(actor, body);
    await expect(placeOrder(actor, { ...body, contact: { email: "other@example.test" } })).rejects.toMatchObject({ status: 409, code: "IDEMPOTENCY_KEY_REUSED" });
    const stranger = await actorOf(await createUser("consumer", null));
    await expect(placeOrder(stranger, body)).rejects.toMatchObject({ status: 409, code: "IDEMPOTENCY_KEY_REUSED" });
  });

  it("refuses a tampered price and an invalid configuration with the field named, writing nothing", async () => {
    const consumer = await createUser("consumer", null);
    const actor = await actorOf(consumer);
    const before = await orderCounts();
    const tampered = applianceOrder();
    tampered.items[0]!.quotedTotal = 1;
    await expect(placeOrder(actor, tampered)).rejects.toMatchObject({
      status: 400,
      code: "PRICE_MISMATCH",
      details: { fields: [expect.objectContaining({ path: "items.0.quotedTotal" })] },
    });
    const invalid = applianceOrder();
    invalid.items[0]!.configuration = { ...invalid.items[0]!.configuration, width: 1000 };
    await expect(placeOrder(actor, invalid)).rejects.toMatchObject({
      status: 400,
      details: { fields: [expect.objectContaining({ path: "items.0.configuration.width" })] },
    });
    const unknownOption = applianceOrder();
    unknownOption.items[1]!.configuration = { ...unknownOption.items[1]!.configuration, colour: "plaid-with-sparkles" };
    await expect(placeOrder(actor, unknownOption)).rejects.toMatchObject({ status: 400 });
    expect(await orderCounts()).toEqual(before);
  });

  it("refuses an order mixing manufacturers", async () => {
    const actor = await actorOf(await createUser("consumer", null));
    const { madeToMeasureShirt } = await import("@/lib/core/configurator/examples");
    const body = applianceOrder();
    body.items.push({ productId: madeToMeasureShirt.id, configuration: evaluate(madeToMeasureShirt, {}).configuration, quantity: 1 });
    await expect(placeOrder(actor, body)).rejects.toMatchObject({ status: 400, code: "MIXED_MANUFACTURERS" });
  });

  it("over HTTP: 201 then 200 for the retry; 401 for anonymous; 403 for a planner; 422 naming a bad field", async () => {
    const consumer = await createUser("consumer", null);
    const body = applianceOrder();
    const post = (cookie: string | undefined, payload: unknown) =>
      callNodeRoute(ordersRoute, new Request("http://localhost:3000/api/orders", { method: "POST", headers: { ...(cookie ? { cookie } : {}), origin: "http://localhost:3000", host: "localhost:3000" }, body: JSON.stringify(payload) }));
    expect((await post(consumer.cookie, body)).status).toBe(201);
    const retry = await post(consumer.cookie, body);
    expect(retry.status).toBe(200);
    expect((await retry.json()).replayed).toBe(true);
    expect((await post(undefined, applianceOrder())).status).toBe(401);
    const planner = await createUser("planner", (await organizationBySlug("nordkyl")).id);
    expect((await post(planner.cookie, applianceOrder())).status).toBe(403);
    const bad = await post(consumer.cookie, { ...applianceOrder(), shippingAddress: { name: "x", line1: "y", postalCode: "!!", city: "z", country: "Sweden" } });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.details.fields.map((f: { path: string }) => f.path)).toEqual(["shippingAddress.postalCode", "shippingAddress.country"]);
  });
});
