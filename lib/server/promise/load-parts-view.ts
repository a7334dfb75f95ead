import type { SupplierOffer } from "@/lib/core/promise/estimate-delivery";
import { db } from "../db";

/** Free stock, active supplier offers and names of a manufacturer's parts: what a release rests on. */
export type PartsView = {
  stock: Record<string, number>;
  offers: Record<string, SupplierOffer[]>;
  partNames: Record<string, string>;
};

export async function loadPartsView(manufacturerId: string, partNumbers: string[]): Promise<PartsView> {
  const parts = await db.part.findMany({
    where: { manufacturerId, partNumber: { in: [...new Set(partNumbers)] } },
    select: {
      partNumber: true, name: true, onHand: true, reserved: true,
      supplierParts: {
        where: { active: true, supplier: { customers: { some: { manufacturerId } } } },
        select: { leadTimeDays: true, unitPrice: true, minOrderQty: true, supplier: { select: { name: true } } },
      },
    },
  });
  return {
    stock: Object.fromEntries(parts.map((part) => [part.partNumber, Math.max(0, part.onHand - part.reserved)])),
    offers: Object.fromEntries(
      parts.map((part) => [
        part.partNumber,
        part.supplierParts.map((offer) => ({ supplier: offer.supplier.name, leadTimeDays: offer.leadTimeDays, unitPrice: offer.unitPrice, minimumOrderQuantity: offer.minOrderQty })),
      ]),
    ),
    partNames: Object.fromEntries(parts.map((part) => [part.partNumber, part.name])),
  };
}
