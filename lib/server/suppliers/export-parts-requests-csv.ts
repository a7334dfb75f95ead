import { toCsv } from "@/lib/core/csv/to-csv";
import type { Actor } from "@/lib/core/policy";
import type { PartsRequestFilter } from "@/lib/core/sourcing/parts-request-filter";
import { listPartsRequestsForSupplier } from "./list-parts-requests-for-supplier";

const dateOnly = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");

/** The supplier's requests with the portal's filters, as CSV (up to 10 000 rows). */
export async function exportPartsRequestsCsv(actor: Actor, filter: Partial<PartsRequestFilter>) {
  const rows = [];
  let cursor: string | undefined;
  do {
    const page = await listPartsRequestsForSupplier(actor, { ...filter, cursor, limit: 500 });
    rows.push(...page.requests);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows.length < 10_000);
  return toCsv(
    ["request_id", "manufacturer", "order", "part_number", "part_name", "unit", "quantity", "needed_by", "status", "confirmed_quantity", "promised_date", "reject_reason"],
    rows.map((r) => [r.id, r.manufacturer.name, r.order.number, r.part.partNumber, r.part.name, r.part.unit, r.quantity, dateOnly(r.neededBy), r.status, r.confirmedQuantity, dateOnly(r.promisedDate), r.rejectReason]),
  );
}
