import type { Actor } from "@/lib/core/policy";
import { recordAudit } from "../audit/record-audit";
import { clock } from "../clock";
import { db, type Tx } from "../db";
import type { CreateLineCredential } from "./line-credential-schemas";
import { loadLineForActor } from "./load-line-for-actor";
import { generateLineToken, hashLineToken, tokenHint } from "./line-token";

const DAY_MS = 86_400_000;

/**
 * Issues a credential for a line. The token is returned once, here, and only its hash is kept:
 * whoever loses it gets a new one, nobody can read it back.
 */
export async function createLineCredential(actor: Actor, lineId: string, input: CreateLineCredential, address: string | null) {
  return db.$transaction(async (tx) => {
    const { line, actor: admin } = await loadLineForActor(actor, "line-credential.manage", lineId, tx);
    return issueCredential(tx, { lineId: line.id, userId: admin.userId, label: input.label, expiresAt: input.expiresInDays ? new Date(clock.now().getTime() + input.expiresInDays * DAY_MS) : null }, async (credential, hint) =>
      recordAudit(tx, { actor, action: "line-credential.create", targetType: "line-credential", targetId: credential.id, address, details: { lineId: line.id, lineCode: line.code, label: credential.label, tokenHint: hint } }),
    );
  });
}

export async function issueCredential(
  tx: Tx,
  input: { lineId: string; userId: string; label: string; expiresAt: Date | null },
  audit: (credential: { id: string; label: string }, hint: string) => Promise<void>,
) {
  const token = generateLineToken();
  const credential = await tx.lineCredential.create({
    data: { lineId: input.lineId, tokenHash: hashLineToken(token), label: input.label, createdById: input.userId, createdAt: clock.now(), expiresAt: input.expiresAt },
    select: { id: true, lineId: true, label: true, createdAt: true, expiresAt: true },
  });
  await audit(credential, tokenHint(token));
  return { credential, token };
}
