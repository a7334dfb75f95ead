import { createHash } from "node:crypto";
import { auditHashInput, type AuditEntryContent } from "@/lib/core/audit/audit-chain";
import type { Actor } from "@/lib/core/policy/actor";
import type { Prisma } from "@/generated/prisma/client";
import { clock } from "../clock";
import type { Tx } from "../db";

// Any constant works; it names the one lock that serializes appends to the hash chain.
const AUDIT_CHAIN_LOCK = 7_274_001;

export const sha256Hex = (input: string) => createHash("sha256").update(input).digest("hex");

export type AuditRecord = {
  actor: Actor | { kind: "agent"; lineId: string; organizationId: string | null } | { kind: "system" };
  action: string;
  organizationId?: string | null;
  targetType?: string;
  targetId?: string;
  address?: string | null;
  outcome?: "success" | "failure";
  details?: Prisma.InputJsonValue;
};

/**
 * Appends to the audit log inside the caller's transaction, so the entry exists exactly when
 * the change it records does. Appends are serialized by an advisory lock held to the end of
 * the transaction, which keeps the hash chain linear across connections and processes.
 */
export async function recordAudit(tx: Tx, record: AuditRecord): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK}::bigint)`;
  const previous = await tx.auditLog.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const actor = record.actor;
  const content: AuditEntryContent = {
    at: clock.now().toISOString(),
    actorType: actor.kind,
    actorId: actor.kind === "user" ? actor.userId : actor.kind === "agent" ? actor.lineId : null,
    organizationId: record.organizationId ?? (actor.kind === "user" || actor.kind === "agent" ? actor.organizationId : null),
    action: record.action,
    targetType: record.targetType ?? null,
    targetId: record.targetId ?? null,
    address: record.address ?? null,
    outcome: record.outcome ?? "success",
    details: record.details ?? null,
  };
  const prevHash = previous?.hash ?? null;
  await tx.auditLog.create({
    data: {
      at: new Date(content.at),
      actorType: content.actorType as "user" | "agent" | "system" | "anonymous",
      actorId: content.actorId,
      organizationId: content.organizationId,
      action: content.action,
      targetType: content.targetType,
      targetId: content.targetId,
      address: content.address,
      outcome: content.outcome,
      details: record.details ?? undefined,
      prevHash,
      hash: sha256Hex(auditHashInput(content, prevHash)),
    },
  });
}
