import type { Actor } from "@/lib/core/policy";
import { db } from "../db";

/** Name and organization for the header; null when nobody is signed in. */
export async function loadSignedInUser(actor: Actor): Promise<{ name: string; organizationName: string | null } | null> {
  if (actor.kind !== "user") return null;
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { name: true, organization: { select: { name: true } } } });
  return user ? { name: user.name, organizationName: user.organization?.name ?? null } : null;
}
