import type { Actor } from "@/lib/core/policy";
import type { PartInput, SupplierOfferInput } from "@/lib/core/parts/part-schemas";
import type { RowError } from "@/lib/core/csv/parse-csv";
import { recordAudit } from "../audit/record-audit";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { requirePartsAdmin } from "./manufacturer-of";

/**
 * Creating and updating parts and supplier offers, one or many (CSV) — always in one
 * transaction, and always all or nothing: a reference that does not resolve (a supplier that
 * does not serve this manufacturer, a part that does not exist) fails the whole batch with
 * the row named.
 */
export async function saveParts(actor: Actor, parts: PartInput[], address: string | null, source: "form" | "csv" = "form") {
  const admin = requirePartsAdmin(actor);
  const duplicates = duplicateRows(parts.map((part) => part.partNumber), "partNumber");
  if (duplicates.length > 0) throw importFailed(duplicates);
  return db.$transaction(async (tx) => {
    for (const part of parts) {
      const existing = await tx.part.findUnique({ where: { manufacturerId_partNumber: { manufacturerId: admin.organizationId, partNumber: part.partNumber } }, select: { reserved: true } });
      if (existing && part.onHand < existing.reserved) {
        throw importFailed([{ row: parts.indexOf(part) + 2, field: "onHand", message: `${part.partNumber}: ${existing.reserved} are reserved for orders; on hand cannot go below that.` }]);
      }
      await tx.part.upsert({
        where: { manufacturerId_partNumber: { manufacturerId: admin.organizationId, partNumber: part.partNumber } },
        create: { manufacturerId: admin.organizationId, ...part },
        update: { name: part.name, unit: part.unit, onHand: part.onHand, version: { increment: 1 } },
      });
    }
    await recordAudit(tx, { actor: admin, action: "parts.save", targetType: "part", targetId: parts.length === 1 ? parts[0]!.partNumber : undefined, address, details: { count: parts.length, source } });
    return { saved: parts.length };
  });
}

export async function saveSupplierOffers(actor: Actor, offers: SupplierOfferInput[], address: string | null, source: "form" | "csv" = "form") {
  const admin = requirePartsAdmin(actor);
  const duplicates = duplicateRows(offers.map((offer) => `${offer.partNumber}/${offer.supplier}`), "supplier");
  if (duplicates.length > 0) throw importFailed(duplicates);
  return db.$transaction(async (tx) => {
    const { parts, suppliers } = await resolveReferences(tx, admin.organizationId, offers);
    const errors: RowError[] = [];
    offers.forEach((offer, index) => {
      if (!parts.has(offer.partNumber)) errors.push({ row: index + 2, field: "partNumber", message: `No part ${offer.partNumber} in your catalogue.` });
      if (!suppliers.has(offer.supplier)) errors.push({ row: index + 2, field: "supplier", message: `"${offer.supplier}" is not a supplier serving you.` });
    });
    if (errors.length > 0) throw importFailed(errors);
    for (const offer of offers) {
      const partId = parts.get(offer.partNumber)!;
      const supplierId = suppliers.get(offer.supplier)!;
      const fields = { unitPrice: offer.unitPrice, currency: offer.currency, leadTimeDays: offer.leadTimeDays, minOrderQty: offer.minOrderQty, supplierSku: offer.supplierSku ?? null, active: true };
      await tx.supplierPart.upsert({ where: { partId_supplierId: { partId, supplierId } }, create: { partId, supplierId, ...fields }, update: fields });
    }
    await recordAudit(tx, { actor: admin, action: "supplier-offers.save", targetType: "supplier-part", address, details: { count: offers.length, source } });
    return { saved: offers.length };
  });
}

async function resolveReferences(tx: Tx, manufacturerId: string, offers: SupplierOfferInput[]) {
  const [parts, suppliers] = await Promise.all([
    tx.part.findMany({ where: { manufacturerId, partNumber: { in: offers.map((o) => o.partNumber) } }, select: { id: true, partNumber: true } }),
    tx.supplierRelationship.findMany({ where: { manufacturerId, supplier: { slug: { in: offers.map((o) => o.supplier) } } }, select: { supplier: { select: { id: true, slug: true } } } }),
  ]);
  return {
    parts: new Map(parts.map((part) => [part.partNumber, part.id])),
    suppliers: new Map(suppliers.map((relationship) => [relationship.supplier.slug, relationship.supplier.id])),
  };
}

function duplicateRows(keys: string[], field: string): RowError[] {
  const seen = new Map<string, number>();
  const errors: RowError[] = [];
  keys.forEach((key, index) => {
    const first = seen.get(key);
    if (first !== undefined) errors.push({ row: index + 2, field, message: `Repeats line ${first + 2} (${key}).` });
    else seen.set(key, index);
  });
  return errors;
}

export function importFailed(errors: RowError[]): AppError {
  const first = errors[0]!;
  return new AppError("IMPORT_FAILED", `Nothing was imported: line ${first.row}, ${first.field}: ${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ""}`, {
    status: 422,
    details: { rows: errors },
  });
}
