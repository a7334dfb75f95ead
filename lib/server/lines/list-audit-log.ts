import type { Actor } from "@/lib/core/policy";
import { authorize } from "../auth/authorize";
import { db } from "../db";

/**
 * The audit log of the admin's organization, newest first: admin actions and every agent
 * handshake (success and failure) with the remote address. (Lives with the lines because agent
 * security is what most of it records; move to lib/server/audit if it grows other views.)
 */
export async function listAuditLog(actor: Actor, options: { action?: string; before?: bigint; limit?: number } = {}) {
  const organizationId = actor.kind === "user" ? (actor.organizationId ?? undefined) : undefined;
  authorize(actor, "audit.read", { organizationId });
  const limit = Math.min(Math.max(options.limit ?? 100, 1), 500);
  const entries = await db.auditLog.findMany({
    where: { organizationId, ...(options.action ? { action: { startsWith: options.action } } : {}), ...(options.before ? { id: { lt: options.before } } : {}) },
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, at: true, actorType: true, actorId: true, action: true, targetType: true, targetId: true, address: true, outcome: true, details: true },
  });
  return entries.map((entry) => ({ ...entry, id: String(entry.id), at: entry.at.toISOString() }));
}
