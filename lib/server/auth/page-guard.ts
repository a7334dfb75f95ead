import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { canUseArea, type UserActor } from "@/lib/core/policy";
import { loadActorFromHeaders } from "./load-actor";

/** The acting user of the page being rendered; loaded once per request. */
export const currentActor = cache(async () => loadActorFromHeaders(await headers()));

/**
 * Page-level guard (every page calls it; a layout check alone is not enough): anonymous
 * visitors are sent to sign in and come back; a user whose role cannot use the area is sent
 * to sign in with another account, with the reason shown — never the page's data.
 */
export async function requireArea(area: "orders" | "supplier" | "board" | "admin", path: string): Promise<UserActor> {
  const actor = await currentActor();
  const next = encodeURIComponent(path);
  if (actor.kind === "anonymous") redirect(`/sign-in?next=${next}`);
  if (!canUseArea(actor, area)) redirect(`/sign-in?denied=${area}&next=${next}`);
  return actor;
}
