import type { Actor, UserActor } from "@/lib/core/policy";
import { authorize } from "../auth/authorize";

export type ProductAdmin = UserActor & { organizationId: string };

/**
 * The acting admin, after the policy allowed `product.manage` on their own manufacturer: a
 * planner gets 403, anyone outside a manufacturer 404. Every product query that follows is
 * scoped by `organizationId`, so another manufacturer's product is simply not found (404).
 */
export function requireProductAdmin(actor: Actor): ProductAdmin {
  const manufacturerId = actor.kind === "user" ? (actor.organizationId ?? undefined) : undefined;
  authorize(actor, "product.manage", { manufacturerId }, "PRODUCT_NOT_FOUND");
  return actor as ProductAdmin;
}
