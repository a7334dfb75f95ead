import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { cancelOrder } from "@/lib/server/orders/cancel-order";
import { getOrder } from "@/lib/server/orders/get-order";
import { placeOrder } from "@/lib/server/orders/place-order";
import { bulkConfirmPartsRequests } from "@/lib/server/suppliers/bulk-confirm-parts-requests";
import { listPartsRequestsForSupplier } from "@/lib/server/suppliers/list-parts-requests-for-supplier";
import { respondToPartsRequest } from "@/lib/server/suppliers/respond-to-parts-request";
import { actorOf } from "../../support/actors";
import { createUser } from "../../support/factories";
import { applianceOrder } from "../../support/order-fixtures";

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function placedOrder() {
  const consumer = await createUser("consumer", null);
  const { order } = await placeOrder(await actorOf(consumer), applianceOrder());
  const requests = await db.partsRequest.findMany({ where: { orderId: order.id }, include: { supplier: true, part: true } });
  return { consumer, order, requests };
}

/** A user of the request's supplier organization, as an actor. */
async function supplierActorFor(supplierId: string) {
  return actorOf(await createUser("supplier", supplierId));
}

async function confirmAll(requests: Array<{ id: string; supplierId: string }>, promisedDate: string) {
  for (const request of requests) {
    await respondToPartsRequest(await supplierActorFor(request.supplierId), { requestId: request.id, action: "confirm", promisedDate });
  }
}

describe("supplier answers", () => {
  it("when every part is confirmed the jobs become ready, released on the latest promised date, and the order moves on", async () => {
    const { consumer, order, requests } = await placedOrder();
    const [last, ...others] = requests;
    await confirmAll(others, inDays(3));
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("placed");
    await confirmAll([last!], inDays(6));

    const detail = await getOrder(await actorOf(consumer), order.id);
    expect(detail.status).toBe("parts_confirmed");
    expect(detail.events.map((event) => event.kind)).toEqual(["placed", "parts_confirmed"]);
    const jobs = detail.items.flatMap((item) => item.jobs);
    expect(jobs.every((job) => job.status === "ready")).toBe(true);
    const stored = await db.productionJob.findMany({ where: { orderItem: { orderId: order.id } } });
    for (const job of stored) expect(job.release.toISOString().slice(0, 10)).toBe(inDays(6));
    const updates = await db.outboxEvent.findMany({ where: { type: "order.updated", rooms: { has: `order:${order.id}` } } });
    expect(updates.map((event) => (event.payload as { status: string }).status)).toContain("parts_confirmed");
  });

  it("every request of an order confirmed at once, each by its own supplier user: the order still moves on", async () => {
    // Each answer reads its order's other requests; two answers at once must not each see the
    // other still open and leave the order waiting for parts.
    for (let round = 0; round < 3; round++) {
      const { order, requests } = await placedOrder();
      const actors = await Promise.all(requests.map((request) => supplierActorFor(request.supplierId)));
      await Promise.all(requests.map((request, index) => respondToPartsRequest(actors[index]!, { requestId: request.id, action: "confirm", promisedDate: inDays(4) })));
      expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("parts_confirmed");
      const jobs = await db.productionJob.findMany({ where: { orderItem: { orderId: order.id } } });
      expect(jobs.map((job) => job.status)).toEqual(jobs.map(() => "ready"));
    }
  });

  it("a rejection is re-sourced to the next supplier; with none left the request is flagged for the planners", async () => {
    const { order, requests } = await placedOrder();
    let resourced = 0;
    for (const request of requests) {
      const offers = await db.supplierPart.count({ where: { partId: request.partId, active: true } });
      const actor = await supplierActorFor(request.supplierId);
      await respondToPartsRequest(actor, { requestId: request.id, action: "reject", reason: "out of stock" });
      const next = await db.partsRequest.findUnique({ where: { resourcedFromId: request.id } });
      const flagged = (await db.partsRequest.findUniqueOrThrow({ where: { id: request.id } })).flagged;
      if (offers > 1) {
        expect(next).toMatchObject({ status: "requested", partId: request.partId, orderId: order.id });
        expect(next!.supplierId).not.toBe(request.supplierId);
        expect(flagged).toBe(false);
        resourced++;
      } else {
        expect(next).toBeNull();
        expect(flagged).toBe(true);
      }
    }
    expect(resourced).toBeGreaterThan(0);
    const stored = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { events: true } });
    if (stored.events.some((event) => event.kind === "parts_flagged")) {
      expect(stored.atRisk).toBe(true);
      expect(stored.atRiskReason).toMatch(/No other supplier for/);
    }
  });

  it("a partial confirmation asks another supplier for the rest", async () => {
    const { requests } = await placedOrder();
    const candidates = [];
    for (const request of requests) {
      if ((await db.supplierPart.count({ where: { partId: request.partId, active: true } })) > 1 && request.quantity > 1) candidates.push(request);
    }
    expect(candidates.length).toBeGreaterThan(0); // the demo seed offers most parts from two suppliers
    const request = candidates[0]!;
    const answer = await respondToPartsRequest(await supplierActorFor(request.supplierId), {
      requestId: request.id, action: "confirm", quantity: request.quantity - 1, promisedDate: inDays(2),
    });
    expect(answer.shortfall).toBe(1);
    const rest = await db.partsRequest.findUniqueOrThrow({ where: { resourcedFromId: request.id } });
    expect(rest.quantity).toBeGreaterThanOrEqual(1);
    expect(rest.supplierId).not.toBe(request.supplierId);
  });

  it("two users of the supplier confirming at once: one wins, the other gets a clear 409", async () => {
    const { requests } = await placedOrder();
    const request = requests[0]!;
    const [a, b] = [await supplierActorFor(request.supplierId), await supplierActorFor(request.supplierId)];
    const outcomes = await Promise.allSettled([
      respondToPartsRequest(a, { requestId: request.id, action: "confirm", promisedDate: inDays(4), version: 1 }),
      respondToPartsRequest(b, { requestId: request.id, action: "confirm", promisedDate: inDays(5), version: 1 }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const rejected = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ status: 409 });
    expect(["PARTS_REQUEST_CHANGED", "PARTS_REQUEST_ALREADY_ANSWERED"]).toContain(rejected.reason.code);
  });

  it("a supplier acts only on its own organization's requests; a consumer never", async () => {
    const { requests } = await placedOrder();
    const request = requests[0]!;
    const otherSupplier = await db.organization.findFirstOrThrow({ where: { kind: "supplier", id: { not: request.supplierId } } });
    await expect(
      respondToPartsRequest(await supplierActorFor(otherSupplier.id), { requestId: request.id, action: "confirm", promisedDate: inDays(3) }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      respondToPartsRequest(await actorOf(await createUser("consumer", null)), { requestId: request.id, action: "reject", reason: "nope nope" }),
    ).rejects.toMatchObject({ status: 404 });
    const inbox = await listPartsRequestsForSupplier(await supplierActorFor(otherSupplier.id));
    expect(inbox.requests.map((row) => row.id)).not.toContain(request.id);
    expect((await db.partsRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("requested");
  });

  it("a slip that breaks the due date flags the order at risk with its cause", async () => {
    const { order, requests } = await placedOrder();
    await confirmAll(requests, inDays(2));
    const request = requests[0]!;
    await respondToPartsRequest(await supplierActorFor(request.supplierId), { requestId: request.id, action: "revise", promisedDate: inDays(40) });
    const stored = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { events: true } });
    expect(stored.atRisk).toBe(true);
    expect(stored.atRiskReason).toBe(`${request.supplier.name} moved ${request.part.partNumber} (${request.part.name}) by 38 days`);
    expect(stored.events.map((event) => event.kind)).toEqual(expect.arrayContaining(["date_changed", "at_risk"]));
    const jobs = await db.productionJob.findMany({ where: { orderItem: { orderId: order.id } } });
    for (const job of jobs) expect(job.release.toISOString().slice(0, 10)).toBe(inDays(40));
  });

  it("bulk confirm confirms each request it may, and reports the others", async () => {
    const { requests } = await placedOrder();
    const supplierId = requests[0]!.supplierId;
    const own = requests.filter((request) => request.supplierId === supplierId).map((request) => request.id);
    const foreign = requests.find((request) => request.supplierId !== supplierId);
    const result = await bulkConfirmPartsRequests(await supplierActorFor(supplierId), {
      requestIds: [...own, ...(foreign ? [foreign.id] : [])],
      promisedDate: inDays(3),
    });
    expect(result.confirmed).toBe(own.length);
    if (foreign) expect(result.results.find((r) => r.requestId === foreign.id)).toMatchObject({ ok: false });
  });

  it("cancelling withdraws open requests, releases stock and cancels the jobs; after production starts it is refused", async () => {
    const { consumer, order } = await placedOrder();
    const reservedBefore = await db.part.aggregate({ _sum: { reserved: true } });
    const reservations = await db.stockReservation.aggregate({ where: { orderItem: { orderId: order.id } }, _sum: { quantity: true } });
    const result = await cancelOrder(await actorOf(consumer), order.id);
    expect(result.status).toBe("cancelled");
    const requests = await db.partsRequest.findMany({ where: { orderId: order.id } });
    expect(requests.every((request) => request.status === "withdrawn")).toBe(true);
    const jobs = await db.productionJob.findMany({ where: { orderItem: { orderId: order.id } } });
    expect(jobs.every((job) => job.status === "cancelled")).toBe(true);
    const reservedAfter = await db.part.aggregate({ _sum: { reserved: true } });
    expect((reservedBefore._sum.reserved ?? 0) - (reservedAfter._sum.reserved ?? 0)).toBe(reservations._sum.quantity ?? 0);
    await expect(cancelOrder(await actorOf(consumer), order.id)).rejects.toMatchObject({ status: 409 });

    const started = await placedOrder();
    await db.order.update({ where: { id: started.order.id }, data: { status: "in_production" } });
    await expect(cancelOrder(await actorOf(started.consumer), started.order.id)).rejects.toMatchObject({ status: 409, code: "ORDER_NOT_CANCELLABLE" });
    const stranger = await actorOf(await createUser("consumer", null));
    await expect(cancelOrder(stranger, started.order.id)).rejects.toMatchObject({ status: 404 });
  });
});
