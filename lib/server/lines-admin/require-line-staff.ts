import type { Action, Actor, UserActor } from "@/lib/core/policy";
import { authorize } from "../auth/authorize";

export type LineStaff = UserActor & { organizationId: string };

/** Authorizes `action` on the actor's own manufacturer (lists, the setup matrix, a new line). */
export function requireLineStaff(actor: Actor, action: Action): LineStaff {
  const manufacturerId = actor.kind === "user" ? (actor.organizationId ?? undefined) : undefined;
  authorize(actor, action, { manufacturerId: manufacturerId ?? "(none)" });
  return actor as LineStaff;
}
