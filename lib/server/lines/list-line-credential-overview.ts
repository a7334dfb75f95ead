import type { Actor } from "@/lib/core/policy";
import { authorize } from "../auth/authorize";
import { clock } from "../clock";
import { db } from "../db";

/** Every line of the admin's factory with its usable credentials and when an agent last signed in. */
export async function listLineCredentialOverview(actor: Actor) {
  const manufacturerId = actor.kind === "user" ? (actor.organizationId ?? undefined) : undefined;
  authorize(actor, "line-credential.manage", { manufacturerId: manufacturerId ?? "(none)" });
  const now = clock.now();
  const lines = await db.line.findMany({
    where: { manufacturerId },
    orderBy: { code: "asc" },
    select: {
      id: true, code: true, name: true, online: true,
      credentials: { where: { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }, select: { lastUsedAt: true, lastUsedAddress: true } },
    },
  });
  return lines.map(({ credentials, ...line }) => {
    const lastUsed = credentials.filter((credential) => credential.lastUsedAt).sort((a, b) => b.lastUsedAt!.getTime() - a.lastUsedAt!.getTime())[0];
    return { ...line, activeCredentials: credentials.length, lastUsedAt: lastUsed?.lastUsedAt?.toISOString() ?? null, lastUsedAddress: lastUsed?.lastUsedAddress ?? null };
  });
}
