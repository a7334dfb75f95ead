import type { Evaluation } from "@/lib/core/configurator/evaluate";
import { orderPromiseFromItems, type OrderPromise } from "@/lib/core/orders/order-promise";
import type { CapablePromise } from "@/lib/core/promise/capable-to-promise";
import type { HeldUnit } from "@/lib/core/promise/promise-plan";
import { latestFinishFor, shipmentFor } from "@/lib/core/promise/shipping";
import { sql } from "../db/sql";
import { loadPartsView, type PartsView } from "./load-parts-view";
import { loadPromiseFactory, shippingTermsFor } from "./load-promise-factory";
import { keepHold, removeHolds } from "./promise-base";
import { promiseLines } from "./promise-lines";
import { configurationHash } from "./quote-delivery";

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

export type OrderPromiseOutcome = { kind: "promised"; order: OrderLinePromised } | { kind: "unavailable"; missing: Array<{ partNumber: string; shortfall: number }> } | { kind: "fallback" };

export async function promiseOrder(input: {
  manufacturerId: string;
  consumerId: string;
  destination: string;
  now: number;
  lines: Array<{ productId: string; evaluation: Evaluation; quantity: number }>;
  /** The order's parts, when the caller has read them already. */
  parts?: PartsView;
}): Promise<OrderPromiseOutcome> {
  const { manufacturerId, now } = input;
  const factory = await loadPromiseFactory(manufacturerId, now);
  const terms = shippingTermsFor(factory, input.destination);
  const holderKey = `user:${input.consumerId}`;
  const hashes = input.lines.map((line) => configurationHash(line.evaluation.configuration, line.quantity));

  const quotes =
    factory.mode === "capable_to_promise"
      ? await sql().query<{ id: string; productId: string; configurationHash: string; quantity: number; promise: unknown }>(
          `SELECT "id", "productId", "configurationHash", "quantity", "promise" FROM "QuoteReservation"
           WHERE "manufacturerId" = $1 AND "holderKey" = $2 AND "status" = 'held' AND "expiresAt" > $3::timestamp(3)
             AND "configurationHash" = ANY($4::text[])
           ORDER BY "createdAt" DESC, "id" DESC`,
          [manufacturerId, holderKey, new Date(now).toISOString(), hashes],
        )
      : [];
  const used = new Set<string>();
  const quoted = input.lines.map((line, index) => {
    const quote = quotes.find((q) => !used.has(q.id) && q.configurationHash === hashes[index] && q.productId === line.productId && q.quantity === line.quantity);
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
    const parts = input.parts ?? (await loadPartsView(manufacturerId, open.flatMap(({ line }) => line.evaluation.partsList.map((part) => part.partNumber))));
    const result = await promiseLines({ manufacturerId, lines: open.map(({ line }) => line), parts, destination: input.destination, now, holdUntil: null });
    if (result.kind === "unavailable") return { kind: "unavailable", missing: result.missing };
    if (result.kind === "no-capacity") return { kind: "fallback" };
    result.lines.forEach((promised, k) => {
      const { line, index } = open[k]!;
      items[index] = promised.promise;
      if (promised.hold) {
        newHolds.push({ id: promised.hold.id, productId: line.productId, holderKey, configurationHash: hashes[index]!, quantity: line.quantity, units: promised.hold.units, promise: promised.promise });
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
