import type { Actor } from "@/lib/core/policy";
import { loadActorForUser } from "@/lib/server/auth/load-actor";

/** The actor the server would build for this user's session. */
export async function actorOf(user: { id: string; sessionVersion: number }): Promise<Actor> {
  return loadActorForUser(user.id, user.sessionVersion);
}
