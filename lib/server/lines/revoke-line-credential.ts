import type { Actor } from "@/lib/core/policy";
import { recordAudit } from "../audit/record-audit";
import { clock } from "../clock";
import { db } from "../db";
import { AppError } from "../errors";
import { disconnectCredentialSockets } from "./agent-sockets";
import { loadLineForActor } from "./load-line-for-actor";

/** Revokes a credential and, after commit, cuts any live agent socket that authenticated with it. */
export async function revokeLineCredential(actor: Actor, lineId: string, credentialId: string, address: string | null) {
  const revoked = await db.$transaction(async (tx) => {
    const { line } = await loadLineForActor(actor, "line-credential.manage", lineId, tx);
    const credential = await tx.lineCredential.findFirst({ where: { id: credentialId, lineId: line.id }, select: { id: true, revokedAt: true } });
    if (!credential) throw new AppError("CREDENTIAL_NOT_FOUND", "Not found.", { status: 404 });
    if (credential.revokedAt) return { id: credential.id, revokedAt: credential.revokedAt };
    const revokedAt = clock.now();
    await tx.lineCredential.update({ where: { id: credential.id }, data: { revokedAt } });
    await recordAudit(tx, { actor, action: "line-credential.revoke", targetType: "line-credential", targetId: credential.id, address, details: { lineId: line.id, lineCode: line.code } });
    return { id: credential.id, revokedAt };
  });
  disconnectCredentialSockets(revoked.id);
  return revoked;
}
