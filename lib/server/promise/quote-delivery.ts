import { createHash } from "node:crypto";
import { evaluate } from "@/lib/core/configurator/evaluate";
import { canonicalJson } from "@/lib/core/json/canonical-json";
import type { CapablePromise } from "@/lib/core/promise/capable-to-promise";
import type { DeliveryPromiseView, QuoteDelivery } from "@/lib/core/promise/promise-schemas";
import type { Actor } from "@/lib/core/policy";
import type { Prisma } from "@/generated/prisma/client";
import { loadPublishedProducts } from "../catalogue/load-product-version";
import { clock } from "../clock";
import { db } from "../db";
import { AppError } from "../errors";
import { loadPartsView } from "./load-parts-view";
import { loadPromiseFactory } from "./load-promise-factory";
import { liveQuoteCount, removeHolds } from "./promise-base";
import { promiseLines } from "./promise-lines";

/** Live quotes a manufacturer holds capacity for, at most: beyond, dates are given but not held. */
const MAX_LIVE_QUOTES = 500;

export function configurationHash(configuration: unknown, quantity: number): string {
  return createHash("sha256").update(canonicalJson({ configuration, quantity })).digest("hex");
}

export function holderKeyOf(actor: Actor): string {
  return actor.kind === "user" ? holderKeyOfUser(actor.userId) : "anon";
}

/** Whose quote: a signed-in user's quotes can be ordered against (by that user only). */
export function holderKeyOfUser(userId: string): string {
  return `user:${userId}`;
}

/**
 * The configurator's question "when will it arrive?", answered from the factory's real state
 * (capable-to-promise) and held: the capacity behind the date is reserved for the factory's
 * quote hold time, so the date shown is the date given when the consumer orders it. Each new
 * quote of the same configurator replaces the previous one and frees its hold. Anyone may ask
 * (the catalogue is public); only a signed-in consumer's quote can be ordered against.
 */
export async function quoteDelivery(actor: Actor, input: QuoteDelivery): Promise<DeliveryPromiseView> {
  const now = clock.now().getTime();
  const product = (await loadPublishedProducts([input.productId])).get(input.productId);
  if (!product) throw new AppError("PRODUCT_NOT_AVAILABLE", "This product is not available.", { status: 404 });
  const holderKey = holderKeyOf(actor);
  if (input.replaces) await releaseQuote(product.manufacturerId, input.replaces, holderKey);

  const evaluation = evaluate(product.definition, input.configuration, { quantity: input.quantity });
  if (!evaluation.valid) return { kind: "unavailable", message: "Complete your choices to see the delivery date." };
  const parts = await loadPartsView(product.manufacturerId, evaluation.partsList.map((line) => line.partNumber));
  const hold = liveQuoteCount(product.manufacturerId) < MAX_LIVE_QUOTES;
  const factory = await loadPromiseFactory(product.manufacturerId, now);
  const expiresAt = now + factory.quoteHoldMinutes * 60_000;
  const result = await promiseLines({
    manufacturerId: product.manufacturerId,
    lines: [{ evaluation, quantity: input.quantity }],
    parts,
    destination: input.country,
    now,
    holdUntil: expiresAt,
  });
  if (result.kind === "unavailable") return { kind: "unavailable", message: result.message };
  if (result.kind === "no-capacity") return { kind: "unavailable", message: result.message };
  const [line] = result.lines;
  const promise = line!.promise;
  let quoteId: string | null = null;
  if (line!.hold) {
    if (hold) {
      quoteId = line!.hold.id;
      await db.quoteReservation.create({
        data: {
          id: quoteId,
          manufacturerId: product.manufacturerId,
          productId: product.productId,
          holderKey,
          configurationHash: configurationHash(evaluation.configuration, input.quantity),
          quantity: input.quantity,
          slots: line!.hold.units as unknown as Prisma.InputJsonValue,
          plannedFinishAt: new Date(promise.plannedFinish),
          productionDue: new Date(promise.productionDue),
          promise: promise as unknown as Prisma.InputJsonValue,
          expiresAt: new Date(expiresAt),
          createdAt: new Date(now),
        },
      });
    } else {
      await removeHolds(product.manufacturerId, [line!.hold.id]);
    }
  }
  return promiseView(promise, quoteId ? new Date(expiresAt).toISOString() : null, quoteId, evaluation.leadTimeDays < 0);
}

/** The previous quote of this configurator gives its capacity back (only its holder may). */
async function releaseQuote(manufacturerId: string, quoteId: string, holderKey: string): Promise<void> {
  const released = await db.quoteReservation.updateMany({ where: { id: quoteId, holderKey, status: "held" }, data: { status: "released" } });
  if (released.count > 0) await removeHolds(manufacturerId, [quoteId]);
}

export function promiseView(promise: CapablePromise, heldUntil: string | null, quoteId: string | null, express: boolean): DeliveryPromiseView {
  const margin = promise.margin;
  return {
    kind: promise.kind,
    arrivalDate: promise.arrivalDate,
    confidence: margin
      ? { level: margin.level, coverage: margin.coverage, samples: margin.samples, source: margin.source }
      : { level: 0, coverage: null, samples: 0, source: "none" },
    basis: promise.basis,
    quoteId,
    heldUntil,
    express,
    destination: promise.destination,
  };
}
