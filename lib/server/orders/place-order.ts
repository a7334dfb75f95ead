import { createHash, randomBytes } from "node:crypto";
import { checkConfigurationRequest } from "@/lib/core/configurator/check-configuration-request";
import { canonicalJson } from "@/lib/core/json/canonical-json";
import type { PlaceOrder } from "@/lib/core/orders/place-order-schema";
import { promiseOrder } from "@/lib/core/orders/order-promise";
import type { Actor } from "@/lib/core/policy";
import { allocateStock } from "@/lib/core/sourcing/allocate-stock";
import { chooseSupplier } from "@/lib/core/sourcing/choose-supplier";
import { Prisma } from "@/generated/prisma/client";
import { authorize } from "../auth/authorize";
import { loadPublishedProducts } from "../catalogue/load-product-version";
import { clock } from "../clock";
import { db } from "../db";
import { AppError, conflict } from "../errors";
import { nudgeOutbox } from "../realtime/outbox";
import { promiseOrder as promiseOrderFromPlan } from "../promise/promise-order";
import { factoryProfile } from "./factory-profile";
import { writePlacedOrder } from "./write-placed-order";

const DAY_MS = 86_400_000;

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
  const random = [...(globalForOrderNumbers.__orderNumberBytes ?? randomBytes)(6)].map((byte) => alphabet[byte % 32]).join("");
  return `TL-${now.toISOString().slice(2, 10).replace(/-/g, "")}-${random}`;
}

/**
 * Places an order. Idempotent on the client's key: the same key with the same body returns the
 * same order and creates nothing; with another body it is refused (409). Every item is
 * re-evaluated by the configurator (the client's price is only compared). In one transaction:
 * the order and its configuration snapshots, stock reservations, parts requests per supplier,
 * one production job per unit, the timeline's first entry and the events for suppliers and
 * the factory.
 */
export async function placeOrder(actor: Actor, input: PlaceOrder): Promise<{ order: PlacedOrder; replayed: boolean }> {
  authorize(actor, "order.place");
  const requestHash = requestHashOf(input);
  const existing = await findByIdempotencyKey(input.idempotencyKey);
  if (existing) return { order: replay(existing, actor.userId, requestHash), replayed: true };

  const now = clock.now();
  const products = await loadPublishedProducts(input.items.map((item) => item.productId));
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
  const manufacturerId = items[0]!.product.manufacturerId;
  const currency = items[0]!.evaluation.price.currency;

  // Capable-to-promise (or the quote the consumer holds), made before the transaction: it asks
  // the plan's worker and holds capacity, neither of which belongs inside a database transaction.
  const planned = await promiseOrderFromPlan({
    manufacturerId,
    consumerId: actor.userId,
    destination: input.shippingAddress.country,
    now: now.getTime(),
    lines: items.map((item) => ({ productId: item.product.productId, evaluation: item.evaluation, quantity: item.quantity })),
  });
  if (planned.kind === "unavailable") {
    throw new AppError("PART_UNAVAILABLE", `No supplier can deliver part ${planned.missing[0]!.partNumber} right now; this configuration cannot be ordered.`, { status: 409 });
  }

  try {
    const order = await db.$transaction(async (tx) => {
      const needs = items.flatMap((item) => item.evaluation.partsList.map((line) => ({ partNumber: line.partNumber, quantity: line.quantity })));
      const [parts, profile] = await Promise.all([
        tx.part.findMany({
          where: { manufacturerId, partNumber: { in: [...new Set(needs.map((need) => need.partNumber))] } },
          select: {
            id: true, partNumber: true, onHand: true, reserved: true,
            supplierParts: {
              where: { active: true, supplier: { customers: { some: { manufacturerId } } } },
              select: { supplierId: true, unitPrice: true, leadTimeDays: true, minOrderQty: true, active: true, supplier: { select: { name: true } } },
            },
          },
        }),
        factoryProfile(tx, manufacturerId),
      ]);
      const partByNumber = new Map(parts.map((part) => [part.partNumber, part]));
      const unknown = needs.find((need) => !partByNumber.has(need.partNumber));
      if (unknown) throw new AppError("PART_NOT_CATALOGUED", `The factory has no part ${unknown.partNumber}; it cannot take this order yet.`, { status: 409 });

      // Without a plan to promise from, the configurator's estimate on the same stock.
      const promised = planned.kind === "promised" ? { ok: true as const, promise: planned.order.promise } : promiseOrder({
        today: now,
        stock: Object.fromEntries(parts.map((part) => [part.partNumber, part.onHand - part.reserved])),
        offers: Object.fromEntries(
          parts.map((part) => [
            part.partNumber,
            part.supplierParts.map((offer) => ({ supplier: offer.supplier.name, leadTimeDays: offer.leadTimeDays, unitPrice: offer.unitPrice, minimumOrderQuantity: offer.minOrderQty })),
          ]),
        ),
        minutesPerDay: profile.minutesPerWorkingDay,
        shippingDays: profile.shippingDays,
        items: items.map((item) => ({ partsList: item.evaluation.partsList, productionMinutes: item.evaluation.job.minutes, optionLeadTimeDays: item.evaluation.leadTimeDays })),
      });
      if (!promised.ok) {
        const missing = promised.missing[0]!;
        throw new AppError("PART_UNAVAILABLE", `No supplier can deliver part ${missing.partNumber} right now; this configuration cannot be ordered.`, { status: 409 });
      }
      const promise = promised.promise;

      // Stock first, reserved atomically: a concurrent order cannot take the same units.
      const allocations = allocateStock(needs, parts);
      const fromStock = allocations.filter((allocation) => allocation.fromStock > 0);
      if (fromStock.length > 0) {
        // One statement for all parts; a part another order took meanwhile is simply bought.
        const ids = fromStock.map((allocation) => partByNumber.get(allocation.partNumber)!.id);
        const quantities = fromStock.map((allocation) => allocation.fromStock);
        // Lock the rows in one order (by id) first: concurrent orders for overlapping parts then
        // queue behind each other instead of deadlocking on rows locked in the join's order.
        await tx.$queryRaw`SELECT "id" FROM "Part" WHERE "id" = ANY(${ids}::text[]) ORDER BY "id" FOR NO KEY UPDATE`;
        const reserved = await tx.$queryRaw<Array<{ id: string }>>`
          UPDATE "Part" AS p SET "reserved" = p."reserved" + w.quantity, "version" = p."version" + 1
          FROM unnest(${ids}::text[], ${quantities}::int[]) AS w(id, quantity)
          WHERE p."id" = w.id AND p."onHand" - p."reserved" >= w.quantity
          RETURNING p."id"`;
        const got = new Set(reserved.map((row) => row.id));
        fromStock.forEach((allocation, index) => {
          if (got.has(ids[index]!)) return;
          allocation.toBuy += allocation.fromStock;
          allocation.fromStock = 0;
        });
      }

      // Cheapest offer that still keeps the promise (the promise assumed the fastest).
      const availableDays = Math.max(0, Math.floor((promise.partsNeededBy.getTime() - now.getTime()) / DAY_MS));
      const requests = allocations
        .filter((allocation) => allocation.toBuy > 0)
        .map((allocation) => {
          const part = partByNumber.get(allocation.partNumber)!;
          return { allocation, part, choice: chooseSupplier(part.supplierParts, allocation.toBuy, availableDays) };
        });

      return writePlacedOrder(tx, {
        now,
        actor,
        input,
        requestHash,
        number: newOrderNumber(now),
        manufacturerId,
        currency,
        items,
        allocations,
        partByNumber,
        requests,
        promise,
        holds: planned.kind === "promised" ? { create: planned.order.newHolds, consume: planned.order.consumedQuotes } : null,
      });
    });
    nudgeOutbox();
    return { order, replayed: false };
  } catch (error) {
    if (planned.kind === "promised") await planned.order.undo();
    // Two tries with one key at the same moment: the loser finds the winner's order.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002" && String(error.meta?.target ?? error.message).includes("idempotencyKey")) {
      const winner = await findByIdempotencyKey(input.idempotencyKey);
      if (winner) return { order: replay(winner, actor.userId, requestHash), replayed: true };
    }
    throw error;
  }
}

async function findByIdempotencyKey(idempotencyKey: string) {
  return db.order.findUnique({
    where: { idempotencyKey },
    select: { id: true, number: true, status: true, totalPrice: true, currency: true, promisedDate: true, consumerId: true, requestHash: true },
  });
}

function replay(order: NonNullable<Awaited<ReturnType<typeof findByIdempotencyKey>>>, consumerId: string, requestHash: string): PlacedOrder {
  if (order.consumerId !== consumerId || order.requestHash !== requestHash) {
    throw conflict("IDEMPOTENCY_KEY_REUSED", "This idempotency key was already used for a different order. Use a new key for a new order.");
  }
  return { id: order.id, number: order.number, status: order.status, totalPrice: order.totalPrice, currency: order.currency, promisedDate: order.promisedDate?.toISOString() ?? null };
}
