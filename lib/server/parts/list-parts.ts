import type { Actor } from "@/lib/core/policy";
import { db } from "../db";
import { requirePartsAdmin } from "./manufacturer-of";

export async function listParts(actor: Actor) {
  const admin = requirePartsAdmin(actor);
  return db.part.findMany({
    where: { manufacturerId: admin.organizationId },
    orderBy: { partNumber: "asc" },
    select: {
      id: true, partNumber: true, name: true, unit: true, onHand: true, reserved: true,
      supplierParts: {
        orderBy: { leadTimeDays: "asc" },
        select: { id: true, unitPrice: true, currency: true, leadTimeDays: true, minOrderQty: true, supplierSku: true, active: true, supplier: { select: { id: true, slug: true, name: true } } },
      },
    },
  });
}
