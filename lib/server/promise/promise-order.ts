import type { Evaluation } from "@/lib/core/configurator/evaluate";
import { orderPromiseFromItems, type OrderPromise } from "@/lib/core/orders/order-promise";
import type { CapablePromise } from "@/lib/core/promise/capable-to-promise";
import type { HeldUnit } from "@/lib/core/promise/promise-plan";
import { latestFinishFor, shipmentFor } from "@/lib/core/promise/shipping";
import { sql, type SqlValue } from "../db/sql";
import { partsWithOffersJson, type PartsView, type PartWithOffers } from "./load-parts-view";
import { publishedPlanJson, type PublishedPlanRef } from "./promise-base";
import { loadPromiseFactory, shippingTermsFor } from "./load-promise-factory";
import { keepHold, removeHolds } from "./promise-base";
import { promiseLines } from "./promise-lines";
import { holderKeyOfUser } from "./quote-delivery";

/**
 * The promise an order is placed with. A line the consumer was quoted for moments ago (same
 * configuration and quantity, the hold still live) gets the quoted date: the date shown is the
 * date given. Other lines are promised now, against the plan and every hold. Returns what the
 * placement transaction writes (new holds, quotes to consume) and how to undo the in-memory
 * holds if that transaction fails; null when the factory cannot promise from its plan (no line
 * time in the horizon) and the caller falls back to the estimate.
 */
export type HoldRow = {
  id: string;
  productId: string;
  holderKey: string;
  configurationHash: string;
  quantity: number;
  units: HeldUnit[];
  promise: CapablePromise;
};

export type OrderLinePromised = { promise: OrderPromise; newHolds: HoldRow[]; consumedQuotes: string[]; undo: () => Promise<void> };

/** A quote the consumer holds: its capacity, and the promise it was given. */
export type HeldQuote = { id: string; productId: string; configurationHash: string; quantity: number; promise: unknown };

/**
 * SQL for the live quotes of holder `$holder` at manufacturer `$manufacturer` for the
 * configurations `$hashes` (text[]) at `$now` (ISO), newest first, as a JSON array of HeldQuote.
 */
export function heldQuotesJson(manufacturer: string, holder: string, now: string, hashes: string): string {
  return `COALESCE((
    SELECT json_agg(json_build_object('id', "id", 'productId', "productId", 'configurationHash', "configurationHash", 'quantity', "quantity", 'promise', "promise")
                    ORDER BY "createdAt" DESC, "id" DESC)
    FROM "QuoteReservation"
    WHERE "manufacturerId" = ${manufacturer} AND "holderKey" = ${holder} AND "status" = 'held' AND "expiresAt" > ${now}::timestamp(3)
      AND "configurationHash" = ANY(${hashes}::text[])
  ), '[]'::json)`;
}

export type OrderPromiseInputs = { parts: PartWithOffers[]; quotes: HeldQuote[]; published: PublishedPlanRef };

/** An order line as the promise reads it; `configurationHash` is configurationHash(evaluation.configuration, quantity), made once per line. */
export type OrderPromiseLine = { productId: string; evaluation: Evaluation; quantity: number; configurationHash: string };

type OrderPromiseInputsQuestion = { manufacturerId: string; consumerId: string; now: number; lines: OrderPromiseLine[] };

/**
 * Everything an order's promise reads, as the columns "parts", "quotes" and "plan" of one
 * statement, with parameters numbered from `$first`: its parts with their offers, the quotes
 * its consumer holds for these configurations, the published plan. Placement asks it together
 * with its own reads when it can (one round trip fewer).
 */
export function orderPromiseInputsColumns(question: OrderPromiseInputsQuestion, first: number): { columns: string; values: SqlValue[] } {
  const $ = (offset: number) => `$${first + offset}`;
  const partNumbers = [...new Set(question.lines.flatMap((line) => line.evaluation.partsList.map((part) => part.partNumber)))];
  const hashes = question.lines.map((line) => line.configurationHash);
  return {
    columns: `${partsWithOffersJson($(0), $(1))} AS "parts", ${heldQuotesJson($(0), $(2), $(3), $(4))} AS "quotes", ${publishedPlanJson($(0))} AS "plan"`,
    values: [question.manufacturerId, partNumbers, holderKeyOfUser(question.consumerId), new Date(question.now).toISOString(), hashes],
  };
}

export function orderPromiseInputsOf(row: { parts: PartWithOffers[]; quotes: HeldQuote[]; plan: PublishedPlanRef | null }): OrderPromiseInputs {
  return { parts: row.parts, quotes: row.quotes, published: row.plan ?? null };
}

export async function loadOrderPromiseInputs(question: OrderPromiseInputsQuestion): Promise<OrderPromiseInputs> {
  const { columns, values } = orderPromiseInputsColumns(question, 1);
  const [row] = await sql().query<{ parts: PartWithOffers[]; quotes: HeldQuote[]; plan: PublishedPlanRef }>(`SELECT ${columns}`, values);
  return orderPromiseInputsOf(row!);
}

export type OrderPromiseOutcome = { kind: "promised"; order: OrderLinePromised } | { kind: "unavailable"; missing: Array<{ partNumber: string; shortfall: number }> } | { kind: "fallback" };

export async function promiseOrder(input: {
  manufacturerId: string;
  consumerId: string;
  destination: string;
  now: number;
  lines: OrderPromiseLine[];
  /** What `loadOrderPromiseInputs` read: the order's parts, the holder's quotes, the published plan. */
  preloaded: { parts: PartsView; quotes: HeldQuote[]; published: PublishedPlanRef };
}): Promise<OrderPromiseOutcome> {
  const { manufacturerId, now } = input;
  const factory = await loadPromiseFactory(manufacturerId, now);
  const terms = shippingTermsFor(factory, input.destination);
  const holderKey = holderKeyOfUser(input.consumerId);

  const quotes = factory.mode === "capable_to_promise" ? input.preloaded.quotes : [];
  const used = new Set<string>();
  const quoted = input.lines.map((line) => {
    const quote = quotes.find((q) => !used.has(q.id) && q.configurationHash === line.configurationHash && q.productId === line.productId && q.quantity === line.quantity);
    if (quote) used.add(quote.id);
    return quote ?? null;
  });

  const open = input.lines.map((line, index) => ({ line, index })).filter(({ index }) => quoted[index] === null);
  const items: CapablePromise[] = new Array(input.lines.length);
  const newHolds: HoldRow[] = [];
  for (const [index, quote] of quoted.entries()) {
    if (!quote) continue;
    // The quote's finish and due stay; the order's address may ship differently than the quote assumed.
    const promise = quote.promise as unknown as CapablePromise;
    const shipment = shipmentFor(promise.promisedFinish, terms);
    items[index] = { ...promise, ...shipment, transitDays: terms.transitDays, destination: terms.destination, productionDue: Math.max(promise.promisedFinish, latestFinishFor(shipment.arrivalDate, terms)) };
  }
  if (open.length > 0) {
    const { parts, published } = input.preloaded;
    const result = await promiseLines({ manufacturerId, lines: open.map(({ line }) => line), parts, destination: input.destination, now, holdUntil: null, published });
    if (result.kind === "unavailable") return { kind: "unavailable", missing: result.missing };
    if (result.kind === "no-capacity") return { kind: "fallback" };
    result.lines.forEach((promised, k) => {
      const { line, index } = open[k]!;
      items[index] = promised.promise;
      if (promised.hold) {
        newHolds.push({ id: promised.hold.id, productId: line.productId, holderKey, configurationHash: line.configurationHash, quantity: line.quantity, units: promised.hold.units, promise: promised.promise });
      }
    });
  }
  const consumedQuotes = quoted.flatMap((quote) => (quote ? [quote.id] : []));
  for (const id of consumedQuotes) keepHold(manufacturerId, id);
  return {
    kind: "promised",
    order: {
      promise: orderPromiseFromItems(items, terms, now),
      newHolds,
      consumedQuotes,
      undo: () => removeHolds(manufacturerId, newHolds.map((hold) => hold.id)),
    },
  };
}
