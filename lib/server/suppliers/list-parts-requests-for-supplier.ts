import type { Actor } from "@/lib/core/policy";
import type { PartsRequestFilter } from "@/lib/core/sourcing/parts-request-filter";
import type { Prisma } from "@/generated/prisma/client";
import { authorize } from "../auth/authorize";
import { db } from "../db";
import { AppError } from "../errors";

export const PARTS_REQUEST_ROW = {
  id: true,
  status: true,
  quantity: true,
  neededBy: true,
  confirmedQuantity: true,
  promisedDate: true,
  rejectReason: true,
  flagged: true,
  version: true,
  createdAt: true,
  manufacturer: { select: { id: true, name: true } },
  part: { select: { partNumber: true, name: true, unit: true } },
  order: { select: { number: true } },
  resourcedFromId: true,
} satisfies Prisma.PartsRequestSelect;

/** The requests addressed to the actor's supplier organization, across the manufacturers it serves. */
export async function listPartsRequestsForSupplier(actor: Actor, filter: Partial<PartsRequestFilter> = {}) {
  authorize(actor, "parts-request.list");
  if (actor.organizationKind !== "supplier" || !actor.organizationId) {
    throw new AppError("NOT_A_SUPPLIER", "Only a supplier's users have a parts request inbox.", { status: 403 });
  }
  const where: Prisma.PartsRequestWhereInput = {
    supplierId: actor.organizationId,
    status: filter.status,
    manufacturerId: filter.manufacturerId,
    part: filter.part ? { OR: [{ partNumber: { contains: filter.part, mode: "insensitive" } }, { name: { contains: filter.part, mode: "insensitive" } }] } : undefined,
    neededBy: {
      gte: filter.neededFrom ? new Date(`${filter.neededFrom}T00:00:00Z`) : undefined,
      lt: filter.neededTo ? new Date(new Date(`${filter.neededTo}T00:00:00Z`).getTime() + 86_400_000) : undefined,
    },
  };
  const limit = filter.limit ?? 100;
  const rows = await db.partsRequest.findMany({
    where,
    orderBy: [{ neededBy: "asc" }, { id: "asc" }],
    take: limit + 1,
    ...(filter.cursor ? { cursor: { id: filter.cursor }, skip: 1 } : {}),
    select: PARTS_REQUEST_ROW,
  });
  const manufacturers = await db.supplierRelationship.findMany({
    where: { supplierId: actor.organizationId },
    select: { manufacturer: { select: { id: true, name: true } } },
  });
  return {
    requests: rows.slice(0, limit),
    nextCursor: rows.length > limit ? rows[limit - 1]!.id : null,
    manufacturers: manufacturers.map((relationship) => relationship.manufacturer),
  };
}
