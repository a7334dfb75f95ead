import type { Actor } from "@/lib/core/policy";
import { clock } from "../clock";
import { db } from "../db";
import { loadLineForActor } from "./load-line-for-actor";

export type LineCredentialState = "active" | "expiring" | "expired" | "revoked";

/** A line's credentials for its admin: never the token, only when and from where it was used. */
export async function listLineCredentials(actor: Actor, lineId: string) {
  const { line } = await loadLineForActor(actor, "line-credential.manage", lineId);
  const credentials = await db.lineCredential.findMany({
    where: { lineId: line.id },
    orderBy: { createdAt: "desc" },
    select: { id: true, label: true, createdAt: true, lastUsedAt: true, lastUsedAddress: true, expiresAt: true, revokedAt: true, createdBy: { select: { name: true } } },
  });
  const now = clock.now();
  return {
    line,
    credentials: credentials.map((credential) => ({
      ...credential,
      createdBy: credential.createdBy?.name ?? null,
      state: (credential.revokedAt ? "revoked" : credential.expiresAt && credential.expiresAt <= now ? "expired" : credential.expiresAt ? "expiring" : "active") as LineCredentialState,
    })),
  };
}
