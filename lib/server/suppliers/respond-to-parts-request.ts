import { respondToPartsRequest as transition, type PartsRequestStatus, type SupplierResponse } from "@/lib/core/sourcing/parts-request-state";
import type { Actor } from "@/lib/core/policy";
import { authorize } from "../auth/authorize";
import { clock } from "../clock";
import { db, postgresPool, type Tx } from "../db";
import { AppError, conflict } from "../errors";
import { applyOrderProgress, orderFactsJson, refreshOrderProgress, type OrderFacts } from "../orders/refresh-order-progress";
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

type RequestRow = {
  id: string;
  status: PartsRequestStatus;
  quantity: number;
  confirmedQuantity: number | null;
  promisedDate: Date | null;
  version: number;
  neededBy: Date;
  supplierId: string;
  manufacturerId: string;
  orderId: string;
  partId: string;
  order: OrderFacts;
};

export async function respondInTransaction(tx: Tx, actor: Actor, answer: PartsRequestAnswer) {
  const now = clock.now();
  // Answers to one order's requests take turns: each derives the order's progress from all its
  // requests, so two at once would each see the other still open and neither move the order on.
  // The order is locked first, as cancelling it does; the read below, a statement later, sees
  // what the answer before committed. (PGlite runs one transaction at a time: nothing to lock.)
  if (postgresPool()) {
    await tx.$queryRawUnsafe(`SELECT 1 FROM "Order" WHERE "id" = (SELECT "orderId" FROM "PartsRequest" WHERE "id" = $1::text) FOR UPDATE`, answer.requestId);
  }
  // The request and its order's facts in one statement (the order's progress is derived from them).
  const [request] = await tx.$queryRawUnsafe<RequestRow[]>(
    `SELECT r."id", r."status"::text AS "status", r."quantity", r."confirmedQuantity", r."promisedDate", r."version", r."neededBy",
            r."supplierId", r."manufacturerId", r."orderId", r."partId", ${orderFactsJson('r."orderId"')} AS "order"
     FROM "PartsRequest" r WHERE r."id" = $1`,
    answer.requestId,
  );
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

  // Optimistic concurrency: only the answer that saw this version wins. The request and its
  // event in one statement.
  const at = now.toISOString();
  const [written] = await tx.$queryRawUnsafe<Array<{ answered: number }>>(
    `WITH answered AS (
       UPDATE "PartsRequest" SET "status" = $3::text::"PartsRequestStatus", "confirmedQuantity" = $4::int, "promisedDate" = $5::timestamp(3),
         "rejectReason" = $6::text, "receivedAt" = CASE WHEN $3::text = 'received' THEN $7::timestamp(3) ELSE "receivedAt" END,
         "version" = "version" + 1, "updatedAt" = $7::timestamp(3)
       WHERE "id" = $1::text AND "version" = $2::int RETURNING "id"),
     announced AS (
       INSERT INTO "OutboxEvent" ("createdAt", "type", "rooms", "payload")
       SELECT $7::timestamp(3), 'parts-request.updated', $8::text[], $9::text::jsonb FROM answered)
     SELECT (SELECT count(*) FROM answered)::int AS "answered"`,
    request.id,
    request.version,
    step.next.status,
    step.next.confirmedQuantity,
    step.next.promisedDate?.toISOString() ?? null,
    step.next.rejectReason ?? null,
    at,
    [`supplier:${request.supplierId}`, `manufacturer:${request.manufacturerId}`],
    JSON.stringify({ requestId: request.id, status: step.next.status }),
  );
  if (written!.answered === 0) throw conflict("PARTS_REQUEST_CHANGED", "Someone else answered this request meanwhile. Reload to see their answer.");

  if (answer.action === "receive") {
    // Received parts are stock held for this order until its job consumes them.
    const quantity = request.confirmedQuantity ?? request.quantity;
    await tx.part.update({ where: { id: request.partId }, data: { onHand: { increment: quantity }, reserved: { increment: quantity } } });
    const firstItem = await tx.orderItem.findFirst({ where: { orderId: request.orderId }, select: { id: true } });
    if (firstItem) await tx.stockReservation.create({ data: { partId: request.partId, orderItemId: firstItem.id, quantity } });
  }
  if (answer.action === "revise" && step.slipDays > 0) await flagSlip(tx, request, step.slipDays, step.next.promisedDate!, now);
  if (step.shortfall > 0) {
    // Re-sourcing adds or flags requests: the facts read above no longer hold.
    await resourceShortfall(tx, request, step.shortfall, now);
    await refreshOrderProgress(tx, request.orderId, now);
  } else {
    // This answer is the only change to the order's facts: apply it to them.
    const promisedAt = step.next.promisedDate?.getTime() ?? null;
    const partsRequests = request.order.partsRequests.map((entry) => (entry.id === request.id ? { ...entry, status: step.next.status, promisedAt } : entry));
    await applyOrderProgress(tx, { ...request.order, partsRequests }, now);
  }
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
