import { randomUUID } from "node:crypto";
import type { Evaluation } from "@/lib/core/configurator/evaluate";
import type { OrderPromise } from "@/lib/core/orders/order-promise";
import type { PlaceOrder } from "@/lib/core/orders/place-order-schema";
import type { UserActor } from "@/lib/core/policy";
import type { PartAllocation } from "@/lib/core/sourcing/allocate-stock";
import type { SupplierChoice } from "@/lib/core/sourcing/choose-supplier";
import type { Prisma } from "@/generated/prisma/client";
import type { PublishedProduct } from "../catalogue/load-product-version";
import type { Tx } from "../db";
import { AppError } from "../errors";
import { writeOutboxEvents } from "../realtime/outbox";
import { confirmPayment } from "./confirm-payment";
import type { HoldRow } from "../promise/promise-order";
import type { PlacedOrder } from "./place-order";

type EvaluatedItem = { product: PublishedProduct; evaluation: Evaluation; quantity: number; configuration: Record<string, unknown> };

export type PlacedOrderDraft = {
  now: Date;
  actor: UserActor;
  input: PlaceOrder;
  requestHash: string;
  number: string;
  manufacturerId: string;
  currency: string;
  items: EvaluatedItem[];
  allocations: PartAllocation[];
  partByNumber: Map<string, { id: string; partNumber: string }>;
  requests: Array<{ allocation: PartAllocation; part: { id: string; partNumber: string }; choice: SupplierChoice | null }>;
  promise: OrderPromise;
  /** Capacity the promise holds until the order is planned: new holds, and quotes it consumes. */
  holds: { create: HoldRow[]; consume: string[] } | null;
};

// Options that take days off the lead time (express) buy priority on the lines.
const EXPRESS_WEIGHT = 3;

const json = (value: unknown) => value as Prisma.InputJsonValue;

/** The writes of a placed order, all inside the caller's transaction; nothing else decides here. */
export async function writePlacedOrder(tx: Tx, draft: PlacedOrderDraft): Promise<PlacedOrder> {
  const unsourced = draft.requests.find((request) => request.choice === null);
  if (unsourced) {
    throw new AppError("PART_UNAVAILABLE", `No supplier can deliver part ${unsourced.part.partNumber} right now; this configuration cannot be ordered.`, { status: 409 });
  }
  const { now, promise } = draft;
  const orderId = randomUUID();
  const itemIds = draft.items.map(() => randomUUID());
  const allFromStock = draft.requests.length === 0;
  const totalPrice = draft.items.reduce((sum, item) => sum + item.evaluation.price.total, 0);
  confirmPayment({ number: draft.number, totalPrice, currency: draft.currency });

  await tx.order.create({
    data: {
      id: orderId,
      number: draft.number,
      consumerId: draft.actor.userId,
      manufacturerId: draft.manufacturerId,
      status: allFromStock ? "parts_confirmed" : "placed",
      currency: draft.currency,
      totalPrice,
      shippingAddress: json(draft.input.shippingAddress),
      contact: json(draft.input.contact),
      idempotencyKey: draft.input.idempotencyKey,
      requestHash: draft.requestHash,
      promisedDate: promise.promisedDate,
      plannedFinishAt: promise.plannedFinishAt,
      placedAt: now,
      items: {
        create: draft.items.map((item, index) => ({
          id: itemIds[index],
          productId: item.product.productId,
          productVersionId: item.product.versionId,
          quantity: item.quantity,
          configuration: json(item.evaluation.configuration),
          priceBreakdown: json(item.evaluation.price),
          unitPrice: item.evaluation.price.unitPrice,
          totalPrice: item.evaluation.price.total,
          deliveryEstimate: json(promise.itemEstimates[index]),
          promisedDate: promise.promisedDate,
        })),
      },
    },
    select: { id: true },
  });

  if (draft.holds && draft.holds.create.length > 0) {
    await tx.quoteReservation.createMany({
      data: draft.holds.create.map((hold) => ({
        id: hold.id,
        manufacturerId: draft.manufacturerId,
        productId: hold.productId,
        holderKey: hold.holderKey,
        configurationHash: hold.configurationHash,
        quantity: hold.quantity,
        status: "consumed" as const,
        slots: json(hold.units),
        plannedFinishAt: new Date(hold.promise.plannedFinish),
        productionDue: new Date(hold.promise.productionDue),
        promise: json(hold.promise),
        expiresAt: now,
        orderId,
        createdAt: now,
        consumedAt: now,
      })),
    });
  }
  if (draft.holds && draft.holds.consume.length > 0) {
    await tx.quoteReservation.updateMany({ where: { id: { in: draft.holds.consume }, status: "held" }, data: { status: "consumed", orderId, consumedAt: now } });
  }

  // A reservation belongs to the first item that needs the part (the order is what holds it).
  const firstItemNeeding = (partNumber: string) =>
    itemIds[Math.max(0, draft.items.findIndex((item) => item.evaluation.partsList.some((line) => line.partNumber === partNumber)))]!;
  const reservations = draft.allocations.filter((allocation) => allocation.fromStock > 0);
  if (reservations.length > 0) {
    await tx.stockReservation.createMany({
      data: reservations.map((allocation) => ({
        partId: draft.partByNumber.get(allocation.partNumber)!.id,
        orderItemId: firstItemNeeding(allocation.partNumber),
        quantity: allocation.fromStock,
        createdAt: now,
      })),
    });
  }
  if (draft.requests.length > 0) {
    await tx.partsRequest.createMany({
      data: draft.requests.map(({ part, choice }) => ({
        manufacturerId: draft.manufacturerId,
        supplierId: choice!.supplierId,
        orderId,
        partId: part.id,
        quantity: choice!.orderQuantity,
        neededBy: promise.partsNeededBy,
        createdAt: now,
      })),
    });
  }

  const suffix = draft.number.slice(-6);
  await tx.productionJob.createMany({
    data: draft.items.flatMap((item, index) =>
      Array.from({ length: item.quantity }, (_, unit) => ({
        manufacturerId: draft.manufacturerId,
        orderItemId: itemIds[index],
        code: `J-${suffix}-${index + 1}.${unit + 1}`,
        family: item.evaluation.job.family,
        requires: item.evaluation.job.capabilities,
        minutes: item.evaluation.job.minutesPerUnit,
        release: now,
        due: promise.productionDue,
        weight: item.evaluation.leadTimeDays < 0 ? EXPRESS_WEIGHT : 1,
        status: allFromStock ? ("ready" as const) : ("waiting_parts" as const),
        createdAt: now,
      })),
    ),
  });

  await tx.orderEvent.createMany({
    data: [
      { orderId, at: now, kind: "placed", message: `Order placed; promised by ${promise.promisedDate.toISOString().slice(0, 10)}` },
      ...(allFromStock ? [{ orderId, at: now, kind: "parts_confirmed", message: "Every part is in stock" }] : []),
    ],
  });
  const suppliers = [...new Set(draft.requests.map((request) => request.choice!.supplierId))];
  await writeOutboxEvents(tx, [
    { type: "order.placed", rooms: [`manufacturer:${draft.manufacturerId}`, `user:${draft.actor.userId}`], payload: { orderId, number: draft.number } },
    ...suppliers.map((supplierId) => ({ type: "parts-request.created", rooms: [`supplier:${supplierId}`], payload: { orderId, number: draft.number } })),
  ]);
  return { id: orderId, number: draft.number, status: allFromStock ? "parts_confirmed" : "placed", totalPrice, currency: draft.currency, promisedDate: promise.promisedDate.toISOString() };
}
