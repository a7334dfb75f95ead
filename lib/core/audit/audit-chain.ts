import { canonicalJson } from "../json/canonical-json";

/**
 * The audit log is tamper-evident: each entry's hash covers its content and the previous
 * entry's hash, so editing or deleting an entry breaks every later link. The hashing function
 * is injected (SHA-256 on the server) to keep the core free of Node's crypto.
 */
export type AuditEntryContent = {
  at: string;
  actorType: string;
  actorId: string | null;
  organizationId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  address: string | null;
  outcome: string;
  details: unknown;
};

export function auditHashInput(content: AuditEntryContent, prevHash: string | null): string {
  return `${prevHash ?? "genesis"}\n${canonicalJson(content)}`;
}

export type ChainLink = { id: string; content: AuditEntryContent; prevHash: string | null; hash: string | null };

/**
 * Walks the chain in order; returns the first entry whose link does not hold, or null.
 * `previousHash` is the hash of the entry before the first one given (null at the genesis), so
 * a long log can be checked page by page.
 */
export function findBrokenLink(entries: ChainLink[], sha256: (input: string) => string, previousHash: string | null = null): { id: string; reason: string } | null {
  let previous: string | null = previousHash;
  for (const entry of entries) {
    if (entry.prevHash !== previous) return { id: entry.id, reason: "its previous-hash does not match the entry before it" };
    if (entry.hash !== sha256(auditHashInput(entry.content, entry.prevHash))) return { id: entry.id, reason: "its content does not match its hash" };
    previous = entry.hash;
  }
  return null;
}
