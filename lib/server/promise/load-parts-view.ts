import type { SupplierOffer as DeliveryOffer } from "@/lib/core/promise/estimate-delivery";
import type { SupplierOffer } from "@/lib/core/sourcing/choose-supplier";
import { sql } from "../db/sql";

/**
 * A manufacturer's parts with their stock and the offers of the suppliers that serve it: what a
 * promise rests on and what order placement reserves and buys. One statement (the offers as a
 * JSON array per part), read on every quote and every order.
 */
export type PartWithOffers = {
  id: string;
  partNumber: string;
  name: string;
  onHand: number;
  reserved: number;
  offers: Array<SupplierOffer & { supplierName: string }>;
};

/** SQL for the parts `$numbers` (text[]) of manufacturer `$manufacturer` with their offers, as a JSON array of PartWithOffers. */
export function partsWithOffersJson(manufacturer: string, numbers: string): string {
  // One join grouped by part (not a subquery per part): a third less work for the database.
  return `COALESCE((SELECT json_agg(part) FROM (
    SELECT p."id", p."partNumber", p."name", p."onHand", p."reserved",
           COALESCE(json_agg(json_build_object(
                      'supplierId', sp."supplierId", 'supplierName', o."name", 'unitPrice', sp."unitPrice",
                      'leadTimeDays', sp."leadTimeDays", 'minOrderQty', sp."minOrderQty", 'active', sp."active")
                    ORDER BY sp."supplierId") FILTER (WHERE sp."supplierId" IS NOT NULL), '[]'::json) AS "offers"
    FROM "Part" p
    LEFT JOIN ("SupplierPart" sp
               JOIN "Organization" o ON o."id" = sp."supplierId"
               JOIN "SupplierRelationship" r ON r."supplierId" = sp."supplierId")
      ON sp."partId" = p."id" AND sp."active" AND r."manufacturerId" = p."manufacturerId"
    WHERE p."manufacturerId" = ${manufacturer} AND p."partNumber" = ANY(${numbers}::text[])
    GROUP BY p."id"
  ) part), '[]'::json)`;
}

export async function loadPartsWithOffers(manufacturerId: string, partNumbers: readonly string[]): Promise<PartWithOffers[]> {
  const numbers = [...new Set(partNumbers)];
  if (numbers.length === 0) return [];
  const [row] = await sql().query<{ parts: PartWithOffers[] }>(`SELECT ${partsWithOffersJson("$1", "$2")} AS "parts"`, [manufacturerId, numbers]);
  return row!.parts;
}

/** Free stock, active supplier offers and names of a manufacturer's parts: what a release rests on. */
export type PartsView = {
  stock: Record<string, number>;
  offers: Record<string, DeliveryOffer[]>;
  partNames: Record<string, string>;
};

export function partsViewOf(parts: readonly PartWithOffers[]): PartsView {
  return {
    stock: Object.fromEntries(parts.map((part) => [part.partNumber, Math.max(0, part.onHand - part.reserved)])),
    offers: Object.fromEntries(
      parts.map((part) => [
        part.partNumber,
        part.offers.map((offer) => ({ supplier: offer.supplierName, leadTimeDays: offer.leadTimeDays, unitPrice: offer.unitPrice, minimumOrderQuantity: offer.minOrderQty })),
      ]),
    ),
    partNames: Object.fromEntries(parts.map((part) => [part.partNumber, part.name])),
  };
}

export async function loadPartsView(manufacturerId: string, partNumbers: readonly string[]): Promise<PartsView> {
  return partsViewOf(await loadPartsWithOffers(manufacturerId, partNumbers));
}
