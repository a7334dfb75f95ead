import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "@/lib/core/clock/clock";
import { evaluate } from "@/lib/core/configurator/evaluate";
import { refrigerator, washingMachine } from "@/lib/core/configurator/examples";
import type { Actor } from "@/lib/core/policy";
import { setServerClock } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import { getOrder } from "@/lib/server/orders/get-order";
import { placeOrder } from "@/lib/server/orders/place-order";
import { decideProposal } from "@/lib/server/planning/decide-proposal";
import { markLineDown } from "@/lib/server/planning/mark-line-down";
import { publishPlan } from "@/lib/server/planning/publish-plan";
import { runScheduler } from "@/lib/server/planning/run-scheduler";
import { confirmRevisedDates } from "@/lib/server/promise/confirm-revised-dates";
import { settleFollowUps } from "@/lib/server/promise/follow-ups";
import { forgetPromiseFactory } from "@/lib/server/promise/load-promise-factory";
import { stopPromiseWorker } from "@/lib/server/promise/promise-worker-client";
import { quoteDelivery } from "@/lib/server/promise/quote-delivery";
import { respondToPartsRequest } from "@/lib/server/suppliers/respond-to-parts-request";
import { actorOf } from "../../support/actors";
import { createUser } from "../../support/factories";
import { applianceOrder, organizationBySlug } from "../../support/order-fixtures";
import { waitForProposal } from "../../support/planning-fixtures";

// A Monday in January: no demo holiday near, shifts from 06:00 Stockholm (05:00Z).
const clock = fixedClock("2027-01-11T07:00:00Z");
const day = (offset: number) => new Date(clock.now().getTime() + offset * 86_400_000).toISOString().slice(0, 10);
const fridge = evaluate(refrigerator, {}).configuration;

beforeAll(() => setServerClock(clock));
afterAll(async () => {
  setServerClock(undefined);
  await stopPromiseWorker();
});

async function consumer() {
  return actorOf(await createUser("consumer", null));
}

async function planner(): Promise<Actor> {
  const nordkyl = await organizationBySlug("nordkyl");
  return actorOf(await createUser("planner", nordkyl.id));
}

/** The planner's routine: run the scheduler, accept its proposal, publish it. */
async function planAndPublish(actor: Actor) {
  const nordkyl = await organizationBySlug("nordkyl");
  await db.plan.updateMany({ where: { manufacturerId: nordkyl.id, status: "proposal" }, data: { status: "discarded" } });
  await runScheduler(actor, { timeLimitSeconds: 1 });
  const proposal = await waitForProposal(nordkyl.id);
  await decideProposal(actor, { planId: proposal.id, decision: "accept" }, null);
  await publishPlan(actor, null);
}

async function confirmParts(orderId: string, promisedDate: string) {
  const requests = await db.partsRequest.findMany({ where: { orderId, status: "requested" }, include: { supplier: true, part: true } });
  for (const request of requests) {
    const supplier = await actorOf(await createUser("supplier", request.supplierId));
    await respondToPartsRequest(supplier, { requestId: request.id, action: "confirm", promisedDate });
  }
  return requests;
}

describe("capable-to-promise", () => {
  it("quotes a date from the plan with what it rests on, and holds the capacity for the consumer", async () => {
    const quote = await quoteDelivery(await consumer(), { productId: refrigerator.id, configuration: fridge, quantity: 1, country: "SE" });
    expect(quote.kind).toBe("capable-to-promise");
    if (quote.kind !== "capable-to-promise") return;
    expect(quote.arrivalDate > day(0)).toBe(true);
    expect(quote.basis.map((entry) => entry.stage)).toEqual(["parts", "line", "margin", "shipping"]);
    expect(quote.basis.find((entry) => entry.stage === "line")?.label).toMatch(/^line NK-(F1|F2|X1) has a slot/);
    expect(quote.confidence).toMatchObject({ level: 0.9 });
    expect(quote.heldUntil).toBe(new Date(clock.now().getTime() + 15 * 60_000).toISOString());
    const hold = await db.quoteReservation.findUniqueOrThrow({ where: { id: quote.quoteId! } });
    expect(hold).toMatchObject({ status: "held", quantity: 1, productId: refrigerator.id });

    // A farther destination ships longer from the same slot.
    const us = await quoteDelivery(await consumer(), { productId: refrigerator.id, configuration: fridge, quantity: 1, country: "US" });
    expect(us.kind === "capable-to-promise" && us.arrivalDate > quote.arrivalDate).toBe(true);
  });

  it("gives held capacity to nobody else, and frees it when the quote is replaced", async () => {
    const someone = await consumer();
    const first = await quoteDelivery(someone, { productId: washingMachine.id, configuration: evaluate(washingMachine, {}).configuration, quantity: 3, country: "SE" });
    const second = await quoteDelivery(await consumer(), { productId: washingMachine.id, configuration: evaluate(washingMachine, {}).configuration, quantity: 3, country: "SE" });
    if (first.kind !== "capable-to-promise" || second.kind !== "capable-to-promise") throw new Error("expected promises");
    const [a, b] = await Promise.all([first, second].map((quote) => db.quoteReservation.findUniqueOrThrow({ where: { id: quote.quoteId! } })));
    type Unit = { lineId: string; start: string; end: string };
    const overlaps = (x: Unit, y: Unit) => x.lineId === y.lineId && Date.parse(x.start) < Date.parse(y.end) && Date.parse(y.start) < Date.parse(x.end);
    for (const x of a!.slots as Unit[]) for (const y of b!.slots as Unit[]) expect(overlaps(x, y)).toBe(false);

    const again = await quoteDelivery(someone, { productId: washingMachine.id, configuration: evaluate(washingMachine, {}).configuration, quantity: 1, country: "SE", replaces: first.quoteId! });
    expect(again.kind).toBe("capable-to-promise");
    expect((await db.quoteReservation.findUniqueOrThrow({ where: { id: first.quoteId! } })).status).toBe("released");
    // Only its holder may release a quote.
    await quoteDelivery(await consumer(), { productId: washingMachine.id, configuration: evaluate(washingMachine, {}).configuration, quantity: 1, country: "SE", replaces: second.quoteId! });
    expect((await db.quoteReservation.findUniqueOrThrow({ where: { id: second.quoteId! } })).status).toBe("held");
  });

  it("places an order on the quoted date, consumes the hold, and makes the promise the jobs' due date", async () => {
    const buyer = await consumer();
    const quote = await quoteDelivery(buyer, { productId: refrigerator.id, configuration: fridge, quantity: 2, country: "SE" });
    if (quote.kind !== "capable-to-promise") throw new Error("expected a promise");
    const { order } = await placeOrder(buyer, applianceOrder({ items: [{ productId: refrigerator.id, configuration: fridge, quantity: 2 }] }));
    expect(order.promisedDate?.slice(0, 10)).toBe(quote.arrivalDate);
    const hold = await db.quoteReservation.findUniqueOrThrow({ where: { id: quote.quoteId! } });
    expect(hold).toMatchObject({ status: "consumed", orderId: order.id });
    const stored = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { items: { include: { jobs: true } } } });
    expect(stored.plannedFinishAt?.getTime()).toBe(hold.plannedFinishAt.getTime());
    const jobs = stored.items.flatMap((item) => item.jobs);
    expect(jobs).toHaveLength(2);
    for (const job of jobs) expect(job.due.getTime()).toBe(hold.productionDue.getTime());
    expect((stored.items[0]!.deliveryEstimate as { kind: string }).kind).toBe("capable-to-promise");
  });

  it("a factory that quotes a fixed lead time promises exactly that", async () => {
    const nordkyl = await organizationBySlug("nordkyl");
    await db.factorySettings.update({ where: { manufacturerId: nordkyl.id }, data: { promiseMode: "fixed_lead_time", fixedLeadTimeDays: 17 } });
    forgetPromiseFactory();
    try {
      const { order } = await placeOrder(await consumer(), applianceOrder({ items: [{ productId: refrigerator.id, configuration: fridge, quantity: 1 }] }));
      expect(order.promisedDate?.slice(0, 10)).toBe(day(17));
    } finally {
      await db.factorySettings.update({ where: { manufacturerId: nordkyl.id }, data: { promiseMode: "capable_to_promise" } });
      forgetPromiseFactory();
    }
  });

  it("a promise made, then a supplier slips: the plan is repaired, the order flagged with its cause, and the consumer sees the new date once the planner confirms it", async () => {
    const buyer = await consumer();
    const { order } = await placeOrder(buyer, applianceOrder({ items: [{ productId: refrigerator.id, configuration: evaluate(refrigerator, { finish: "black-glass" }).configuration, quantity: 1 }] }));
    const promised = order.promisedDate!.slice(0, 10);
    const requests = await confirmParts(order.id, day(3));
    expect(requests.length).toBeGreaterThan(0);
    const plannerActor = await planner();
    await planAndPublish(plannerActor);
    const queued = await db.productionJob.findMany({ where: { orderItem: { orderId: order.id } } });
    expect(queued.every((job) => job.status === "queued")).toBe(true);

    // The supplier moves the part to the day after the promised date: no plan can keep it.
    const slipped = requests[0]!;
    const slipTo = new Date(Date.parse(`${promised}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const supplier = await actorOf(await createUser("supplier", slipped.supplierId));
    await respondToPartsRequest(supplier, { requestId: slipped.id, action: "revise", promisedDate: slipTo });
    await settleFollowUps();

    const flagged = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    const cause = `${slipped.supplier.name} moved ${slipped.part.partNumber} (${slipped.part.name}) by ${Math.round((Date.parse(slipTo) - Date.parse(day(3))) / 86_400_000)} days`;
    expect(flagged).toMatchObject({ atRisk: true, atRiskReason: cause, revisionCause: cause });
    expect(flagged.revisedPromisedDate!.toISOString().slice(0, 10) > promised).toBe(true);
    expect(flagged.promisedDate!.toISOString().slice(0, 10)).toBe(promised);
    const repair = await db.plan.findFirstOrThrow({ where: { manufacturerId: flagged.manufacturerId, status: "proposal" }, orderBy: { createdAt: "desc" }, include: { assignments: true } });
    expect(repair.source).toBe("repair");
    for (const job of queued) {
      const assignment = repair.assignments.find((a) => a.jobId === job.id);
      expect(assignment && assignment.start.getTime() >= Date.parse(`${slipTo}T00:00:00Z`)).toBe(true);
    }

    // The consumer still holds the old date until the planner confirms the new one.
    expect((await getOrder(buyer, order.id)).promisedDate?.toISOString().slice(0, 10)).toBe(promised);
    await confirmRevisedDates(plannerActor, { orderIds: [order.id] });
    const seen = await getOrder(buyer, order.id);
    expect(seen.promisedDate?.toISOString()).toBe(flagged.revisedPromisedDate!.toISOString());
    expect(seen.events.at(-1)).toMatchObject({ kind: "promise_revised", message: expect.stringContaining(cause) });
    const due = await db.productionJob.findMany({ where: { orderItem: { orderId: order.id } }, select: { due: true } });
    for (const job of due) expect(job.due.getTime()).toBeGreaterThan(Date.parse(`${slipTo}T00:00:00Z`));
  });

  it("a line breaks down: orders on it whose date no longer holds get the new date at once when the factory's policy says so", async () => {
    const nordkyl = await organizationBySlug("nordkyl");
    await db.factorySettings.update({ where: { manufacturerId: nordkyl.id }, data: { revisedDatePolicy: "automatic" } });
    forgetPromiseFactory();
    const buyer = await consumer();
    const { order } = await placeOrder(buyer, applianceOrder({ items: [{ productId: refrigerator.id, configuration: fridge, quantity: 1 }] }));
    await confirmParts(order.id, day(1));
    const plannerActor = await planner();
    await planAndPublish(plannerActor);
    const job = await db.productionJob.findFirstOrThrow({ where: { orderItem: { orderId: order.id } }, include: { line: true } });
    // Down for three weeks: past any margin.
    const until = new Date(clock.now().getTime() + 21 * 86_400_000);
    for (const line of await db.line.findMany({ where: { manufacturerId: nordkyl.id, capabilities: { has: "foaming" } } })) {
      await markLineDown(plannerActor, { lineId: line.id, until: until.toISOString(), reason: "foam head failure" }, null);
      await settleFollowUps();
    }
    const seen = await getOrder(buyer, order.id);
    expect(seen.promisedDate!.getTime()).toBeGreaterThan(Date.parse(order.promisedDate!));
    const revised = seen.events.find((event) => event.kind === "promise_revised");
    expect(revised?.message).toMatch(/line NK-.* is down until .*foam head failure/);
    expect(job.line).not.toBeNull();
  });
});
