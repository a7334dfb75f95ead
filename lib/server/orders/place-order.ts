import { createHash } from "node:crypto";
import { checkConfigurationRequest } from "@/lib/core/configurator/check-configuration-request";
import { canonicalJson } from "@/lib/core/json/canonical-json";
import { promiseOrder, type OrderPromise } from "@/lib/core/orders/order-promise";
import type { PlaceOrder } from "@/lib/core/orders/place-order-schema";
import type { Actor, UserActor } from "@/lib/core/policy";
import { allocateStock } from "@/lib/core/sourcing/allocate-stock";
import { chooseSupplier } from "@/lib/core/sourcing/choose-supplier";
import { authorize } from "../auth/authorize";
import { lastReadPublishedProducts, publishedProductsOf, publishedVersionsJson, type PublishedProduct, type PublishedVersionRow } from "../catalogue/load-product-version";
import { clock } from "../clock";
import { pooledRandomBytes } from "../crypto/random-pool";
import { db } from "../db";
import { isUniqueViolation } from "../db/database-errors";
import { sql } from "../db/sql";
import { AppError, conflict } from "../errors";
import { loadPartsWithOffers, partsViewOf, type PartWithOffers } from "../promise/load-parts-view";
import type { PublishedPlanRef } from "../promise/promise-base";
import { loadOrderPromiseInputs, orderPromiseInputsColumns, orderPromiseInputsOf, promiseOrder as promiseOrderFromPlan, type HeldQuote, type OrderPromiseLine, type OrderPromiseOutcome } from "../promise/promise-order";
import { configurationHash } from "../promise/quote-delivery";
import { nudgeOutbox } from "../realtime/outbox";
import { factoryProfile } from "./factory-profile";
import { STOCK_TAKEN, writePlacedOrder, type PlacedOrderDraft } from "./write-placed-order";

const DAY_MS = 86_400_000;
/** Tries at writing an order whose stock other orders keep taking; the last buys every part. */
const MAX_STOCK_ATTEMPTS = 3;

export type PlacedOrder = { id: string; number: string; status: string; totalPrice: number; currency: string; promisedDate: string | null };

function requestHashOf(input: PlaceOrder): string {
  const { idempotencyKey: _key, ...body } = input;
  return createHash("sha256").update(canonicalJson(body)).digest("hex");
}

/**
 * Where order numbers get their random characters. A simulation replaces it with a seeded source:
 * job codes derive from order numbers and break ties in the planner's job order, so a run repeats
 * only if they do.
 */
const globalForOrderNumbers = globalThis as unknown as { __orderNumberBytes?: (count: number) => Uint8Array };

export function setOrderNumberSource(source: ((count: number) => Uint8Array) | undefined): void {
  globalForOrderNumbers.__orderNumberBytes = source;
}

/** Human-facing and unguessable: TL-261125-7KQ3MX (date, then 6 random base-32 characters). */
function newOrderNumber(now: Date): string {
  const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  const random = [...(globalForOrderNumbers.__orderNumberBytes ?? pooledRandomBytes)(6)].map((byte) => alphabet[byte % 32]).join("");
  return `TL-${now.toISOString().slice(2, 10).replace(/-/g, "")}-${random}`;
}

/**
 * Places an order. Idempotent on the client's key: the same key with the same body returns the
 * same order and creates nothing; with another body it is refused (409). Every item is
 * re-evaluated by the configurator (the client's price is only compared). Written in one
 * statement (write-placed-order.ts): the order and its configuration snapshots, stock
 * reservations, parts requests per supplier, one production job per unit, the timeline's first
 * entry and the events for suppliers and the factory.
 */
export async function placeOrder(actor: Actor, input: PlaceOrder): Promise<{ order: PlacedOrder; replayed: boolean }> {
  authorize(actor, "order.place");
  const requestHash = requestHashOf(input);
  const now = clock.now();
  const productIds = [...new Set(input.items.map((item) => item.productId))];
  // The items evaluated on the products as this process last read them: when that works, the
  // promise's reads go in the same statement as the placement's own, and count if the versions
  // read are the ones guessed (a product republished meanwhile: read again).
  const guessed = guessOrder(input, productIds, actor.userId, now);
  const promiseReads = guessed ? orderPromiseInputsColumns(guessed.question, 3) : null;
  // An order already placed with this key, and the products' published versions.
  const reads = `SELECT ${storedOrderJson("$1")} AS "existing", ${publishedVersionsJson("$2")} AS "versions"`;
  const [known] = await sql().query<{ existing: StoredOrder | null; versions: PublishedVersionRow[]; parts?: PartWithOffers[]; quotes?: HeldQuote[]; plan?: PublishedPlanRef }>(
    promiseReads ? `${reads}, ${promiseReads.columns}` : reads,
    [input.idempotencyKey, productIds, ...(promiseReads?.values ?? [])],
  );
  if (known!.existing) return { order: replay(known!.existing, actor.userId, requestHash), replayed: true };

  const products = await publishedProductsOf(known!.versions);
  const guessHeld = guessed !== null && sameVersions(guessed.products, products);
  const { items, manufacturerId, currency, needs, lines } = guessHeld ? guessed.order : evaluateOrder(input, products);
  const partNumbers = needs.map((need) => need.partNumber);
  const inputs = guessHeld
    ? orderPromiseInputsOf({ parts: known!.parts!, quotes: known!.quotes!, plan: known!.plan ?? null })
    : await loadOrderPromiseInputs({ manufacturerId, consumerId: actor.userId, now: now.getTime(), lines });
  let parts = inputs.parts;
  const catalogued = new Set(parts.map((part) => part.partNumber));
  const unknown = needs.find((need) => !catalogued.has(need.partNumber));
  if (unknown) throw new AppError("PART_NOT_CATALOGUED", `The factory has no part ${unknown.partNumber}; it cannot take this order yet.`, { status: 409 });

  // Capable-to-promise (or the quote the consumer holds), made before the write: it asks the
  // plan's worker and holds capacity, neither of which belongs inside a database transaction.
  const planned = await promiseOrderFromPlan({
    manufacturerId,
    consumerId: actor.userId,
    destination: input.shippingAddress.country,
    now: now.getTime(),
    lines,
    preloaded: { parts: partsViewOf(parts), quotes: inputs.quotes, published: inputs.published },
  });
  if (planned.kind === "unavailable") {
    throw new AppError("PART_UNAVAILABLE", `No supplier can deliver part ${planned.missing[0]!.partNumber} right now; this configuration cannot be ordered.`, { status: 409 });
  }

  try {
    for (let attempt = 1; ; attempt++) {
      const draft = await draftOrder({ now, actor, input, requestHash, manufacturerId, currency, items, needs, parts, planned });
      const order = await writePlacedOrder(draft);
      if (order !== STOCK_TAKEN) {
        nudgeOutbox();
        return { order, replayed: false };
      }
      // Another order took stock this one counted on: plan the parts again from what is left —
      // and when others keep taking it, buy them (a write that reserves nothing always goes in).
      parts = await loadPartsWithOffers(manufacturerId, partNumbers);
      if (attempt + 1 >= MAX_STOCK_ATTEMPTS) parts = parts.map((part) => ({ ...part, onHand: 0, reserved: 0 }));
    }
  } catch (error) {
    if (planned.kind === "promised") await planned.order.undo();
    // Two tries with one key at the same moment: the loser finds the winner's order.
    if (isUniqueViolation(error, "Order_idempotencyKey_key")) {
      const winner = await findByIdempotencyKey(input.idempotencyKey);
      if (winner) return { order: replay(winner, actor.userId, requestHash), replayed: true };
    }
    throw error;
  }
}

type EvaluatedOrder = {
  items: PlacedOrderDraft["items"];
  manufacturerId: string;
  currency: string;
  needs: Array<{ partNumber: string; quantity: number }>;
  lines: OrderPromiseLine[];
};

/**
 * Every item re-evaluated by the configurator on these products (the client's price is only
 * compared); 400 naming each bad field, or when the products are of several manufacturers.
 */
function evaluateOrder(input: PlaceOrder, products: Map<string, PublishedProduct>): EvaluatedOrder {
  const fields: Array<{ path: string; message: string; code: string }> = [];
  const evaluated = input.items.map((item, index) => {
    const product = products.get(item.productId);
    if (!product) {
      fields.push({ path: `items.${index}.productId`, code: "PRODUCT_NOT_AVAILABLE", message: "This product is not available to order." });
      return null;
    }
    const checked = checkConfigurationRequest(product.definition, { configuration: item.configuration, quantity: item.quantity, quotedTotal: item.quotedTotal });
    if (!checked.ok) {
      for (const issue of checked.issues) fields.push({ path: `items.${index}.${issue.field}`, code: issue.code, message: issue.message });
      return null;
    }
    return { product, evaluation: checked.evaluation, quantity: checked.quantity, configuration: checked.configuration };
  });
  if (fields.length > 0) {
    const first = fields[0]!;
    throw new AppError(first.code === "PRICE_MISMATCH" ? "PRICE_MISMATCH" : "INVALID_ORDER", `${first.path}: ${first.message}`, { status: 400, details: { fields } });
  }
  const items = evaluated.filter((item) => item !== null);
  const manufacturerIds = new Set(items.map((item) => item.product.manufacturerId));
  if (manufacturerIds.size > 1) {
    throw new AppError("MIXED_MANUFACTURERS", "An order holds products of one manufacturer; place one order per manufacturer.", {
      status: 400,
      details: { fields: [{ path: "items", message: "Products of several manufacturers." }] },
    });
  }
  return {
    items,
    manufacturerId: items[0]!.product.manufacturerId,
    currency: items[0]!.evaluation.price.currency,
    needs: items.flatMap((item) => item.evaluation.partsList.map((line) => ({ partNumber: line.partNumber, quantity: line.quantity }))),
    lines: items.map((item) => ({
      productId: item.product.productId,
      evaluation: item.evaluation,
      quantity: item.quantity,
      configurationHash: configurationHash(item.evaluation.configuration, item.quantity),
    })),
  };
}

/** The order evaluated on the products as last read here (null: not all known, or it does not evaluate). */
function guessOrder(input: PlaceOrder, productIds: string[], consumerId: string, now: Date) {
  const products = lastReadPublishedProducts(productIds);
  if (!products) return null;
  try {
    const order = evaluateOrder(input, products);
    return { products, order, question: { manufacturerId: order.manufacturerId, consumerId, now: now.getTime(), lines: order.lines } };
  } catch (error) {
    if (error instanceof AppError) return null; // the real read says what is wrong
    throw error;
  }
}

function sameVersions(guessed: Map<string, PublishedProduct>, read: Map<string, PublishedProduct>): boolean {
  if (guessed.size !== read.size) return false;
  for (const [productId, product] of read) if (guessed.get(productId)?.versionId !== product.versionId) return false;
  return true;
}

/** Stock first (what is on the shelf costs no lead time), then the supplier for the rest of each part. */
async function draftOrder(input: {
  now: Date;
  actor: UserActor;
  input: PlaceOrder;
  requestHash: string;
  manufacturerId: string;
  currency: string;
  items: PlacedOrderDraft["items"];
  needs: Array<{ partNumber: string; quantity: number }>;
  parts: PartWithOffers[];
  planned: Exclude<OrderPromiseOutcome, { kind: "unavailable" }>;
}): Promise<PlacedOrderDraft> {
  const { now, manufacturerId, items, parts, planned } = input;
  const partByNumber = new Map(parts.map((part) => [part.partNumber, part]));
  // Without a plan to promise from, the configurator's estimate on the same stock.
  let promise: OrderPromise;
  if (planned.kind === "promised") {
    promise = planned.order.promise;
  } else {
    const profile = await factoryProfile(db, manufacturerId);
    const view = partsViewOf(parts);
    const estimated = promiseOrder({
      today: now,
      stock: view.stock,
      offers: view.offers,
      minutesPerDay: profile.minutesPerWorkingDay,
      shippingDays: profile.shippingDays,
      items: items.map((item) => ({ partsList: item.evaluation.partsList, productionMinutes: item.evaluation.job.minutes, optionLeadTimeDays: item.evaluation.leadTimeDays })),
    });
    if (!estimated.ok) {
      const missing = estimated.missing[0]!;
      throw new AppError("PART_UNAVAILABLE", `No supplier can deliver part ${missing.partNumber} right now; this configuration cannot be ordered.`, { status: 409 });
    }
    promise = estimated.promise;
  }
  const allocations = allocateStock(input.needs, parts);
  // Cheapest offer that still keeps the promise (the promise assumed the fastest).
  const availableDays = Math.max(0, Math.floor((promise.partsNeededBy.getTime() - now.getTime()) / DAY_MS));
  const requests = allocations
    .filter((allocation) => allocation.toBuy > 0)
    .map((allocation) => {
      const part = partByNumber.get(allocation.partNumber)!;
      return { allocation, part, choice: chooseSupplier(part.offers, allocation.toBuy, availableDays) };
    });
  return {
    now,
    actor: input.actor,
    input: input.input,
    requestHash: input.requestHash,
    number: newOrderNumber(now),
    manufacturerId,
    currency: input.currency,
    items,
    allocations,
    partByNumber,
    requests,
    promise,
    holds: planned.kind === "promised" ? { create: planned.order.newHolds, consume: planned.order.consumedQuotes } : null,
  };
}

type StoredOrder = { id: string; number: string; status: string; totalPrice: number; currency: string; promisedDate: number | null; consumerId: string; requestHash: string };

/** SQL for the order placed with idempotency key `$key`, as JSON (a StoredOrder, or null). */
function storedOrderJson(key: string): string {
  return `(SELECT json_build_object('id', "id", 'number', "number", 'status', "status", 'totalPrice', "totalPrice", 'currency', "currency",
                                   'consumerId', "consumerId", 'requestHash', "requestHash",
                                   'promisedDate', (extract(epoch FROM "promisedDate") * 1000)::float8)
           FROM "Order" WHERE "idempotencyKey" = ${key})`;
}

async function findByIdempotencyKey(idempotencyKey: string): Promise<StoredOrder | null> {
  const [row] = await sql().query<{ order: StoredOrder | null }>(`SELECT ${storedOrderJson("$1")} AS "order"`, [idempotencyKey]);
  return row!.order;
}

function replay(order: StoredOrder, consumerId: string, requestHash: string): PlacedOrder {
  if (order.consumerId !== consumerId || order.requestHash !== requestHash) {
    throw conflict("IDEMPOTENCY_KEY_REUSED", "This idempotency key was already used for a different order. Use a new key for a new order.");
  }
  return { id: order.id, number: order.number, status: order.status, totalPrice: order.totalPrice, currency: order.currency, promisedDate: order.promisedDate === null ? null : new Date(order.promisedDate).toISOString() };
}
