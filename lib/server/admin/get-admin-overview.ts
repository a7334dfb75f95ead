import type { Actor } from "@/lib/core/policy";
import { authorize } from "../auth/authorize";
import { db } from "../db";

/** What an admin of a manufacturer manages, counted. */
export async function getAdminOverview(actor: Actor) {
  const organizationId = actor.kind === "user" ? (actor.organizationId ?? undefined) : undefined;
  authorize(actor, "product.manage", { manufacturerId: organizationId });
  const where = { manufacturerId: organizationId };
  const [products, parts, lines, users, suppliers, auditEntries] = await Promise.all([
    db.product.count({ where }),
    db.part.count({ where }),
    db.line.count({ where }),
    db.user.count({ where: { organizationId } }),
    db.supplierRelationship.count({ where }),
    db.auditLog.count({ where: { organizationId } }),
  ]);
  return { products, parts, lines, users, suppliers, auditEntries };
}
