import type { Actor, UserActor } from "@/lib/core/policy";
import { authorize } from "../auth/authorize";

/** The acting admin's manufacturer, after the policy allowed `parts.manage` on it. */
export function requirePartsAdmin(actor: Actor): UserActor & { organizationId: string } {
  const manufacturerId = actor.kind === "user" ? (actor.organizationId ?? undefined) : undefined;
  authorize(actor, "parts.manage", { manufacturerId });
  return actor as UserActor & { organizationId: string };
}
