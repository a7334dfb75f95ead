import { respondToPartsRequest as transition, type SupplierResponse } from "@/lib/core/sourcing/parts-request-state";
import type { Actor } from "@/lib/core/policy";
import { authorize } from "../auth/authorize";
import { clock } from "../clock";
import { db, type Tx } from "../db";
import { AppError, conflict } from "../errors";
import { refreshOrderProgress } from "../orders/refresh-order-progress";
import { runFollowUp } from "../promise/follow-ups";
import { reviewSupplierSlip } from "../promise/review-supplier-slip";
import { nudgeOutbox, writeOutboxEvent } from "../realtime/outbox";
import { resourceShortfall } from "./resource-shortfall";

export type PartsRequestAnswer = SupplierResponse & { requestId: string; /** The version the supplier saw; stale answers get a 409. */ version?: number };

/**
 * A supplier answers a parts request: confirm (all or part), reject, revise the promised date,
 * or mark it received. One transaction: the request, any re-sourcing of a shortfall, the
 * order's readiness and status, and the events for everyone watching.
 */
export async function respondToPartsRequest(actor: Actor, answer: PartsRequestAnswer) {
  const result = await db.$transaction((tx) => respondInTransaction(tx, actor, answer));
  nudgeOutbox();
  // A later date: repair the plan around it and review the order's promise (after commit).
  if (answer.action === "revise") runFollowUp("review a supplier's slip", () => reviewSupplierSlip(result.id));
  return result;
}

export async function respondInTransaction(tx: Tx, actor: Actor, answer: PartsRequestAnswer) {
  const now = clock.now();
  const request = await tx.partsRequest.findUnique({
    where: { id: answer.requestId },
    select: {
      id: true, status: true, quantity: true, confirmedQuantity: true, promisedDate: true, version: true, neededBy: true,
      supplierId: true, manufacturerId: true, orderId: true, partId: true,
    },
  });
  authorize(actor, "parts-request.respond", { supplierId: request?.supplierId ?? "", manufacturerId: request?.manufacturerId }, "PARTS_REQUEST_NOT_FOUND");
  if (!request) throw new AppError("PARTS_REQUEST_NOT_FOUND", "Not found.", { status: 404 });
  if (answer.version !== undefined && answer.version !== request.version) {
    throw conflict("PARTS_REQUEST_CHANGED", "Someone else answered this request meanwhile. Reload to see their answer.", { version: request.version });
  }

  const step = transition(request, answer, now);
  if (!step.ok) {
    if (step.code === "INVALID_TRANSITION") throw conflict("PARTS_REQUEST_ALREADY_ANSWERED", step.message, { status: request.status });
    throw new AppError(step.code, step.message, { status: 422, details: { fields: [{ path: step.field ?? "(body)", message: step.message }] } });
  }

  // Optimistic concurrency: only the answer that saw this version wins.
  const updated = await tx.partsRequest.updateMany({
    where: { id: request.id, version: request.version },
    data: {
      status: step.next.status,
      confirmedQuantity: step.next.confirmedQuantity,
      promisedDate: step.next.promisedDate,
      rejectReason: step.next.rejectReason ?? null,
      receivedAt: step.next.status === "received" ? now : undefined,
      version: { increment: 1 },
    },
  });
  if (updated.count === 0) throw conflict("PARTS_REQUEST_CHANGED", "Someone else answered this request meanwhile. Reload to see their answer.");

  if (answer.action === "receive") {
    // Received parts are stock held for this order until its job consumes them.
    const quantity = request.confirmedQuantity ?? request.quantity;
    await tx.part.update({ where: { id: request.partId }, data: { onHand: { increment: quantity }, reserved: { increment: quantity } } });
    const firstItem = await tx.orderItem.findFirst({ where: { orderId: request.orderId }, select: { id: true } });
    if (firstItem) await tx.stockReservation.create({ data: { partId: request.partId, orderItemId: firstItem.id, quantity } });
  }
  if (step.shortfall > 0) await resourceShortfall(tx, request, step.shortfall, now);
  if (answer.action === "revise" && step.slipDays > 0) await flagSlip(tx, request, step.slipDays, step.next.promisedDate!, now);

  await writeOutboxEvent(tx, {
    type: "parts-request.updated",
    rooms: [`supplier:${request.supplierId}`, `manufacturer:${request.manufacturerId}`],
    payload: { requestId: request.id, status: step.next.status },
  });
  await refreshOrderProgress(tx, request.orderId, now);
  return { id: request.id, status: step.next.status, shortfall: step.shortfall, version: request.version + 1 };
}

/**
 * A supplier slipped. The order's jobs will be released later; if the due date can no longer
 * hold (release + the order's production time, at best speed, past the due date) the order is
 * flagged at risk with the cause, for the planner.
 */
async function flagSlip(
  tx: Tx,
  request: { orderId: string; manufacturerId: string; supplierId: string; partId: string },
  slipDays: number,
  promisedDate: Date,
  now: Date,
) {
  // Read here, not with the request: only a slip names them (two queries fewer per answer).
  const [supplier, part] = await Promise.all([
    tx.organization.findUniqueOrThrow({ where: { id: request.supplierId }, select: { name: true } }),
    tx.part.findUniqueOrThrow({ where: { id: request.partId }, select: { partNumber: true, name: true } }),
  ]);
  const cause = `${supplier.name} moved ${part.partNumber} (${part.name}) by ${slipDays} day${slipDays === 1 ? "" : "s"}`;
  await tx.orderEvent.create({ data: { orderId: request.orderId, at: now, kind: "date_changed", message: cause, data: { slipDays, promisedDate: promisedDate.toISOString() } } });
  const jobs = await tx.productionJob.findMany({
    where: { orderItem: { orderId: request.orderId }, status: { in: ["waiting_parts", "ready", "scheduled", "queued"] } },
    select: { minutes: true, due: true },
  });
  const fastest = await tx.line.aggregate({ where: { manufacturerId: request.manufacturerId }, _max: { speed: true } });
  const speed = fastest._max.speed ?? 1;
  const atRisk = jobs.some((job) => promisedDate.getTime() + Math.ceil(job.minutes / speed) * 60_000 > job.due.getTime());
  if (!atRisk) return;
  await tx.order.update({ where: { id: request.orderId }, data: { atRisk: true, atRiskReason: cause } });
  await tx.orderEvent.create({ data: { orderId: request.orderId, at: now, kind: "at_risk", message: `Delivery date at risk: ${cause}` } });
  await writeOutboxEvent(tx, {
    type: "order.at-risk",
    rooms: [`manufacturer:${request.manufacturerId}`],
    payload: { orderId: request.orderId, cause, slipDays, promisedDate: promisedDate.toISOString() },
  });
}
