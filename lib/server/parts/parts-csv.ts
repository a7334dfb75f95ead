import { parseCsv } from "@/lib/core/csv/parse-csv";
import { toCsv } from "@/lib/core/csv/to-csv";
import { OFFER_COLUMNS, OfferCsvRowSchema, PART_COLUMNS, PartCsvRowSchema } from "@/lib/core/parts/part-schemas";
import type { Actor } from "@/lib/core/policy";
import { listParts } from "./list-parts";
import { importFailed, saveParts, saveSupplierOffers } from "./save-parts";

export async function exportPartsCsv(actor: Actor) {
  const parts = await listParts(actor);
  return toCsv([...PART_COLUMNS], parts.map((part) => [part.partNumber, part.name, part.unit, part.onHand]));
}

export async function exportSupplierOffersCsv(actor: Actor) {
  const parts = await listParts(actor);
  return toCsv(
    [...OFFER_COLUMNS],
    parts.flatMap((part) => part.supplierParts.map((offer) => [part.partNumber, offer.supplier.slug, offer.unitPrice, offer.currency, offer.leadTimeDays, offer.minOrderQty, offer.supplierSku])),
  );
}

/** Imports a parts CSV: every row valid, or nothing imported (422 listing every bad row). */
export async function importPartsCsv(actor: Actor, text: string, address: string | null) {
  const parsed = parseCsv(text, PartCsvRowSchema, ["part_number", "name", "unit", "on_hand"]);
  if (!parsed.ok) throw importFailed(parsed.errors);
  return saveParts(actor, parsed.rows, address, "csv");
}

export async function importSupplierOffersCsv(actor: Actor, text: string, address: string | null) {
  const parsed = parseCsv(text, OfferCsvRowSchema, ["part_number", "supplier", "unit_price", "currency", "lead_time_days", "min_order_qty"]);
  if (!parsed.ok) throw importFailed(parsed.errors);
  return saveSupplierOffers(actor, parsed.rows, address, "csv");
}
