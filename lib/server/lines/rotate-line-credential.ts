import type { Actor } from "@/lib/core/policy";
import { recordAudit } from "../audit/record-audit";
import { clock } from "../clock";
import { db } from "../db";
import { AppError } from "../errors";
import { issueCredential } from "./create-line-credential";
import type { RotateLineCredential } from "./line-credential-schemas";
import { loadLineForActor } from "./load-line-for-actor";

const HOUR_MS = 3_600_000;

/**
 * Rotation: a new token now, and the old one keeps working for the grace period (or until
 * revoked), so the agent can be switched over without a gap. A line holds two credentials while
 * both are valid.
 */
export async function rotateLineCredential(actor: Actor, lineId: string, credentialId: string, input: RotateLineCredential, address: string | null) {
  return db.$transaction(async (tx) => {
    const { line, actor: admin } = await loadLineForActor(actor, "line-credential.manage", lineId, tx);
    const old = await tx.lineCredential.findFirst({ where: { id: credentialId, lineId: line.id }, select: { id: true, label: true, expiresAt: true, revokedAt: true } });
    if (!old) throw new AppError("CREDENTIAL_NOT_FOUND", "Not found.", { status: 404 });
    if (old.revokedAt) throw new AppError("CREDENTIAL_REVOKED", "A revoked credential cannot be rotated; create a new one.", { status: 409 });
    const graceEnd = new Date(clock.now().getTime() + input.graceHours * HOUR_MS);
    const expiresAt = old.expiresAt && old.expiresAt < graceEnd ? old.expiresAt : graceEnd;
    await tx.lineCredential.update({ where: { id: old.id }, data: { expiresAt } });
    const issued = await issueCredential(tx, { lineId: line.id, userId: admin.userId, label: input.label ?? old.label, expiresAt: null }, async (credential, hint) =>
      recordAudit(tx, {
        actor, action: "line-credential.rotate", targetType: "line-credential", targetId: credential.id, address,
        details: { lineId: line.id, lineCode: line.code, replaces: old.id, oldExpiresAt: expiresAt.toISOString(), tokenHint: hint },
      }),
    );
    return { ...issued, previous: { id: old.id, expiresAt } };
  });
}
