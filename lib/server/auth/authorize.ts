import { decide, type Action, type Actor, type Resource, type UserActor } from "@/lib/core/policy";
import { AppError, forbidden, unauthenticated } from "../errors";

/**
 * Throws the right error unless the policy allows the action: 401 for anonymous, 403 when the
 * actor may know the thing but not do this, 404 when the thing is another organization's
 * (saying "forbidden" would leak that it exists).
 */
export function authorize(actor: Actor, action: Action, resource: Resource = {}, notFoundCode = "NOT_FOUND"): asserts actor is UserActor {
  const decision = decide(actor, action, resource);
  if (decision === "allow") return;
  if (decision === "unauthenticated") throw unauthenticated();
  if (decision === "forbidden") throw forbidden(describe(action));
  throw new AppError(notFoundCode, "Not found.", { status: 404 });
}

export function requireUser(actor: Actor): UserActor {
  if (actor.kind === "anonymous") throw unauthenticated();
  return actor;
}

function describe(action: Action): string {
  return action.replace(/[.-]/g, " ");
}
