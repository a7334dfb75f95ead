import type { Actor } from "@/lib/core/policy";
import { authorize } from "../auth/authorize";
import { db } from "../db";

/** The parts requests addressed to the actor's supplier organization, across manufacturers. */
export async function listPartsRequestsForSupplier(actor: Actor) {
  authorize(actor, "parts-request.list");
  if (actor.organizationKind !== "supplier" || !actor.organizationId) return [];
  return db.partsRequest.findMany({
    where: { supplierId: actor.organizationId },
    orderBy: [{ neededBy: "asc" }],
    take: 500,
    select: {
      id: true,
      status: true,
      quantity: true,
      neededBy: true,
      confirmedQuantity: true,
      promisedDate: true,
      manufacturer: { select: { name: true } },
      part: { select: { partNumber: true, name: true, unit: true } },
      order: { select: { number: true } },
    },
  });
}
