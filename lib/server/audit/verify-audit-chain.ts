import { findBrokenLink, type ChainLink } from "@/lib/core/audit/audit-chain";
import { db } from "../db";
import { sha256Hex } from "./record-audit";

// Entries read per query: the whole log is never held in memory at once.
const PAGE_SIZE = 2_000;

export type AuditChainReport =
  | { ok: true; entries: number; lastId: string | null }
  | { ok: false; entries: number; brokenId: string; reason: string; at: string; action: string };

/**
 * Re-hashes the whole audit log in id order and reports the first entry whose link does not
 * hold (edited content, a deleted or inserted entry, a rewritten previous-hash). Unscoped by
 * organization on purpose: the chain spans every tenant, so only an operator runs it.
 */
export async function verifyAuditChain(options: { pageSize?: number } = {}): Promise<AuditChainReport> {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  let previousHash: string | null = null;
  let afterId: bigint | null = null;
  let checked = 0;
  for (;;) {
    const rows = await readPage(afterId, pageSize);
    if (rows.length === 0) return { ok: true, entries: checked, lastId: afterId === null ? null : String(afterId) };
    const links: ChainLink[] = rows.map((row) => ({
      id: String(row.id),
      prevHash: row.prevHash,
      hash: row.hash,
      content: {
        at: row.at.toISOString(),
        actorType: row.actorType,
        actorId: row.actorId,
        organizationId: row.organizationId,
        action: row.action,
        targetType: row.targetType,
        targetId: row.targetId,
        address: row.address,
        outcome: row.outcome,
        details: row.details ?? null,
      },
    }));
    const broken = findBrokenLink(links, sha256Hex, previousHash);
    if (broken) {
      const row = rows.find((candidate) => String(candidate.id) === broken.id)!;
      return { ok: false, entries: checked + rows.findIndex((candidate) => candidate === row), brokenId: broken.id, reason: broken.reason, at: row.at.toISOString(), action: row.action };
    }
    checked += rows.length;
    previousHash = rows.at(-1)!.hash;
    afterId = rows.at(-1)!.id;
  }
}

function readPage(afterId: bigint | null, pageSize: number) {
  return db.auditLog.findMany({ where: afterId === null ? {} : { id: { gt: afterId } }, orderBy: { id: "asc" }, take: pageSize });
}
