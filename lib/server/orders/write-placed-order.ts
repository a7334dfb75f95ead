import type { Evaluation } from "@/lib/core/configurator/evaluate";
import type { OrderPromise } from "@/lib/core/orders/order-promise";
import type { PlaceOrder } from "@/lib/core/orders/place-order-schema";
import type { UserActor } from "@/lib/core/policy";
import type { PartAllocation } from "@/lib/core/sourcing/allocate-stock";
import type { SupplierChoice } from "@/lib/core/sourcing/choose-supplier";
import type { PublishedProduct } from "../catalogue/load-product-version";
import { sql } from "../db/sql";
import { uuidV7 } from "../db/uuid-v7";
import { AppError } from "../errors";
import type { HoldRow } from "../promise/promise-order";
import { confirmPayment } from "./confirm-payment";
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

/** The stock the draft counted on was taken by another order meanwhile: nothing was written. */
export const STOCK_TAKEN = Symbol("stock taken");
/** What tailorline_reserve_stock aborts with (prisma/migrations/20261206080000_reserve_stock). */
const STOCK_TAKEN_SQLSTATE = "TL001";

// Options that take days off the lead time (express) buy priority on the lines.
const EXPRESS_WEIGHT = 3;

/**
 * Writes a placed order in ONE statement, so it is all or nothing and holds its row locks only
 * while that statement runs: the stock it reserves (the parts' rows locked in id order, so
 * concurrent orders queue instead of deadlocking), the order and its configuration snapshots,
 * the holds it keeps, stock reservations, parts requests per supplier, one production job per
 * unit, the timeline's first entries and the events for suppliers and the factory. When some of
 * the stock it counted on is gone, nothing is written and STOCK_TAKEN tells the caller to plan
 * again from fresh stock.
 */
export async function writePlacedOrder(draft: PlacedOrderDraft): Promise<PlacedOrder | typeof STOCK_TAKEN> {
  const unsourced = draft.requests.find((request) => request.choice === null);
  if (unsourced) {
    throw new AppError("PART_UNAVAILABLE", `No supplier can deliver part ${unsourced.part.partNumber} right now; this configuration cannot be ordered.`, { status: 409 });
  }
  const { now, promise } = draft;
  const at = now.toISOString();
  const orderId = uuidV7();
  const itemIds = draft.items.map(() => uuidV7());
  const allFromStock = draft.requests.length === 0;
  const totalPrice = draft.items.reduce((sum, item) => sum + item.evaluation.price.total, 0);
  const status = allFromStock ? "parts_confirmed" : "placed";
  confirmPayment({ number: draft.number, totalPrice, currency: draft.currency });

  const reservations = draft.allocations.filter((allocation) => allocation.fromStock > 0);
  // A reservation belongs to the first item that needs the part (the order is what holds it).
  const firstItemNeeding = (partNumber: string) =>
    itemIds[Math.max(0, draft.items.findIndex((item) => item.evaluation.partsList.some((line) => line.partNumber === partNumber)))]!;
  const suffix = draft.number.slice(-6);
  const suppliers = [...new Set(draft.requests.map((request) => request.choice!.supplierId))];

  const rows = {
    stock: reservations.map((allocation) => ({ partId: draft.partByNumber.get(allocation.partNumber)!.id, quantity: allocation.fromStock })),
    items: draft.items.map((item, index) => ({
      id: itemIds[index],
      productId: item.product.productId,
      productVersionId: item.product.versionId,
      quantity: item.quantity,
      configuration: item.evaluation.configuration,
      priceBreakdown: item.evaluation.price,
      unitPrice: item.evaluation.price.unitPrice,
      totalPrice: item.evaluation.price.total,
      deliveryEstimate: promise.itemEstimates[index] ?? null,
    })),
    holds: (draft.holds?.create ?? []).map((hold) => ({
      id: hold.id,
      productId: hold.productId,
      holderKey: hold.holderKey,
      configurationHash: hold.configurationHash,
      quantity: hold.quantity,
      slots: hold.units,
      plannedFinishAt: new Date(hold.promise.plannedFinish).toISOString(),
      productionDue: new Date(hold.promise.productionDue).toISOString(),
      promise: hold.promise,
    })),
    reservations: reservations.map((allocation) => ({
      id: uuidV7(),
      partId: draft.partByNumber.get(allocation.partNumber)!.id,
      orderItemId: firstItemNeeding(allocation.partNumber),
      quantity: allocation.fromStock,
    })),
    requests: draft.requests.map(({ part, choice }) => ({ id: uuidV7(), supplierId: choice!.supplierId, partId: part.id, quantity: choice!.orderQuantity })),
    jobs: draft.items.flatMap((item, index) =>
      Array.from({ length: item.quantity }, (_, unit) => ({
        id: uuidV7(),
        orderItemId: itemIds[index],
        code: `J-${suffix}-${index + 1}.${unit + 1}`,
        family: item.evaluation.job.family,
        requires: item.evaluation.job.capabilities,
        minutes: item.evaluation.job.minutesPerUnit,
        weight: item.evaluation.leadTimeDays < 0 ? EXPRESS_WEIGHT : 1,
      })),
    ),
    events: [
      { id: uuidV7(), kind: "placed", message: `Order placed; promised by ${promise.promisedDate.toISOString().slice(0, 10)}` },
      ...(allFromStock ? [{ id: uuidV7(), kind: "parts_confirmed", message: "Every part is in stock" }] : []),
    ],
    outbox: [
      { type: "order.placed", rooms: [`manufacturer:${draft.manufacturerId}`, `user:${draft.actor.userId}`], payload: { orderId, number: draft.number } },
      ...suppliers.map((supplierId) => ({ type: "parts-request.created", rooms: [`supplier:${supplierId}`], payload: { orderId, number: draft.number } })),
    ].map((event, n) => ({ n, ...event })),
  };

  try {
    await sql().query(PLACE_ORDER_STATEMENT, [
      JSON.stringify(rows.stock), // $1
      orderId, // $2
      draft.number,
      draft.actor.userId,
      draft.manufacturerId, // $5
      status,
      draft.currency,
      totalPrice,
      JSON.stringify(draft.input.shippingAddress),
      JSON.stringify(draft.input.contact), // $10
      draft.input.idempotencyKey,
      draft.requestHash,
      promise.promisedDate.toISOString(),
      promise.plannedFinishAt?.toISOString() ?? null,
      at, // $15
      JSON.stringify(rows.items),
      JSON.stringify(rows.holds),
      draft.holds?.consume ?? [],
      JSON.stringify(rows.reservations),
      JSON.stringify(rows.requests), // $20
      promise.partsNeededBy.toISOString(),
      JSON.stringify(rows.jobs),
      promise.productionDue.toISOString(),
      allFromStock ? "ready" : "waiting_parts",
      JSON.stringify(rows.events), // $25
      JSON.stringify(rows.outbox),
    ]);
  } catch (error) {
    if ((error as { code?: unknown }).code === STOCK_TAKEN_SQLSTATE) return STOCK_TAKEN;
    throw error;
  }
  return { id: orderId, number: draft.number, status, totalPrice, currency: draft.currency, promisedDate: promise.promisedDate.toISOString() };
}

/**
 * Every row of the order, then the stock (tailorline_reserve_stock: all or nothing, in part id
 * order, aborting the statement with TL001 when a part's stock was taken). The main query reads
 * every insert's rows before it reserves — the CASE evaluates their count first — so the parts'
 * row locks, which every concurrent order for the same parts queues on, are held only for the
 * foreign-key checks and the commit, not for the inserts too. All of it is one statement: an
 * error anywhere leaves nothing behind.
 */
const PLACE_ORDER_STATEMENT = `
WITH new_order AS (
  INSERT INTO "Order" ("id", "number", "consumerId", "manufacturerId", "status", "currency", "totalPrice", "shippingAddress", "contact",
                       "idempotencyKey", "requestHash", "promisedDate", "plannedFinishAt", "placedAt")
  VALUES ($2::text, $3::text, $4::text, $5::text, $6::"OrderStatus", $7::text, $8::int, $9::jsonb, $10::jsonb, $11::text, $12::text,
          $13::timestamp(3), $14::timestamp(3), $15::timestamp(3))
  RETURNING 1
), new_items AS (
  INSERT INTO "OrderItem" ("id", "orderId", "productId", "productVersionId", "quantity", "configuration", "priceBreakdown", "unitPrice",
                           "totalPrice", "deliveryEstimate", "promisedDate")
  SELECT i."id", $2::text, i."productId", i."productVersionId", i."quantity", i."configuration", i."priceBreakdown", i."unitPrice",
         i."totalPrice", i."deliveryEstimate", $13::timestamp(3)
  FROM jsonb_to_recordset($16::jsonb) AS i("id" text, "productId" text, "productVersionId" text, "quantity" int, "configuration" jsonb,
                                           "priceBreakdown" jsonb, "unitPrice" int, "totalPrice" int, "deliveryEstimate" jsonb)
  RETURNING 1
), new_holds AS (
  INSERT INTO "QuoteReservation" ("id", "manufacturerId", "productId", "holderKey", "configurationHash", "quantity", "status", "slots",
                                  "plannedFinishAt", "productionDue", "promise", "expiresAt", "orderId", "createdAt", "consumedAt")
  SELECT h."id", $5::text, h."productId", h."holderKey", h."configurationHash", h."quantity", 'consumed'::"QuoteReservationStatus", h."slots",
         h."plannedFinishAt", h."productionDue", h."promise", $15::timestamp(3), $2::text, $15::timestamp(3), $15::timestamp(3)
  FROM jsonb_to_recordset($17::jsonb) AS h("id" text, "productId" text, "holderKey" text, "configurationHash" text, "quantity" int,
                                           "slots" jsonb, "plannedFinishAt" timestamp(3), "productionDue" timestamp(3), "promise" jsonb)
  RETURNING 1
), consumed_quotes AS (
  UPDATE "QuoteReservation" SET "status" = 'consumed', "orderId" = $2::text, "consumedAt" = $15::timestamp(3)
  WHERE "id" = ANY($18::text[]) AND "status" = 'held'
  RETURNING 1
), new_reservations AS (
  INSERT INTO "StockReservation" ("id", "partId", "orderItemId", "quantity", "createdAt")
  SELECT r."id", r."partId", r."orderItemId", r."quantity", $15::timestamp(3)
  FROM jsonb_to_recordset($19::jsonb) AS r("id" text, "partId" text, "orderItemId" text, "quantity" int)
  RETURNING 1
), new_requests AS (
  INSERT INTO "PartsRequest" ("id", "manufacturerId", "supplierId", "orderId", "partId", "quantity", "neededBy", "createdAt", "updatedAt")
  SELECT r."id", $5::text, r."supplierId", $2::text, r."partId", r."quantity", $21::timestamp(3), $15::timestamp(3), $15::timestamp(3)
  FROM jsonb_to_recordset($20::jsonb) AS r("id" text, "supplierId" text, "partId" text, "quantity" int)
  RETURNING 1
), new_jobs AS (
  INSERT INTO "ProductionJob" ("id", "manufacturerId", "orderItemId", "code", "family", "requires", "minutes", "release", "due", "weight",
                               "status", "createdAt", "updatedAt")
  SELECT j."id", $5::text, j."orderItemId", j."code", j."family", j."requires", j."minutes", $15::timestamp(3), $23::timestamp(3), j."weight",
         $24::"JobStatus", $15::timestamp(3), $15::timestamp(3)
  FROM jsonb_to_recordset($22::jsonb) AS j("id" text, "orderItemId" text, "code" text, "family" text, "requires" text[], "minutes" int, "weight" float8)
  RETURNING 1
), new_events AS (
  INSERT INTO "OrderEvent" ("id", "orderId", "at", "kind", "message")
  SELECT e."id", $2::text, $15::timestamp(3), e."kind", e."message"
  FROM jsonb_to_recordset($25::jsonb) AS e("id" text, "kind" text, "message" text)
  RETURNING 1
), new_outbox AS (
  -- ids (the order events go out in) follow the array's order
  INSERT INTO "OutboxEvent" ("type", "rooms", "payload")
  SELECT o."type", o."rooms", o."payload"
  FROM jsonb_to_recordset($26::jsonb) AS o("n" int, "type" text, "rooms" text[], "payload" jsonb)
  ORDER BY o."n"
  RETURNING 1
), written AS (
  SELECT (SELECT count(*) FROM new_order) + (SELECT count(*) FROM new_items) + (SELECT count(*) FROM new_holds)
       + (SELECT count(*) FROM consumed_quotes) + (SELECT count(*) FROM new_reservations) + (SELECT count(*) FROM new_requests)
       + (SELECT count(*) FROM new_jobs) + (SELECT count(*) FROM new_events) + (SELECT count(*) FROM new_outbox) AS "rows"
)
SELECT CASE WHEN w."rows" >= 0 THEN "tailorline_reserve_stock"($1::jsonb) END AS "reserved" FROM written w`;
