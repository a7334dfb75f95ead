import { AgentHandshakeSchema, HANDSHAKE_ERRORS, LineTokenSchema, PROTOCOL_VERSION, type HandshakeErrorCode } from "@/lib/core/line-protocol";
import { SlidingWindowLimiter } from "@/lib/core/rate-limit/sliding-window";
import { recordAudit, type AuditRecord } from "../audit/record-audit";
import { clock } from "../clock";
import { db } from "../db";
import { logger } from "../logger";
import { authFailureLimits } from "./agent-limits";
import { hashLineToken, tokenHashesEqual } from "./line-token";

export type AgentIdentity = { lineId: string; lineCode: string; manufacturerId: string; credentialId: string };
export type AgentAuthResult = { ok: true; agent: AgentIdentity } | { ok: false; code: HandshakeErrorCode; message: string; retryAfterMs?: number };

type Attempt = {
  /** The handshake `auth` payload, untrusted. */
  auth: unknown;
  address: string | null;
  /** With mutual TLS: the verified client certificate's subject CN (null if none); undefined without mTLS. */
  clientCertificateName?: string | null;
};

// Failed attempts only: a working agent reconnecting after a network cut is never slowed down.
const limits = authFailureLimits();
const globalForLimits = globalThis as unknown as { __tailorlineAgentAuthLimits?: { byAddress: SlidingWindowLimiter; byLine: SlidingWindowLimiter } };
const limiters = (globalForLimits.__tailorlineAgentAuthLimits ??= {
  byAddress: new SlidingWindowLimiter(limits.perAddress, limits.windowMs),
  byLine: new SlidingWindowLimiter(limits.perLine, limits.windowMs),
});

const limitAudits = new Map<string, number>();
// A reconnect storm queues audit appends behind one lock: wait for a connection, not fail.
const HANDSHAKE_TRANSACTION = { maxWait: 15_000, timeout: 15_000 };

/** Forgets recorded failures (tests reuse one address for many scenarios). */
export function resetAgentAuthFailures(): void {
  limiters.byAddress = new SlidingWindowLimiter(limits.perAddress, limits.windowMs);
  limiters.byLine = new SlidingWindowLimiter(limits.perLine, limits.windowMs);
  limitAudits.clear();
}

/**
 * Decides an agent's handshake: protocol version, line, token (hash compared in constant time),
 * revocation, expiry, and with mutual TLS the client certificate. Every outcome is audited with
 * the remote address; failures count against the address and the claimed line.
 */
export async function authenticateLineAgent(attempt: Attempt): Promise<AgentAuthResult> {
  const nowMs = clock.now().getTime();
  const addressKey = attempt.address ?? "unknown";
  const claimedLineId = claimedLine(attempt.auth);

  const limited = rateLimited(addressKey, claimedLineId, nowMs);
  if (limited) return limited;

  const fail = async (code: HandshakeErrorCode, audit: Omit<AuditRecord, "action">, message: string = HANDSHAKE_ERRORS[code]) => {
    limiters.byAddress.hit(addressKey, nowMs);
    if (claimedLineId) limiters.byLine.hit(claimedLineId, nowMs);
    await auditQuietly({ ...audit, action: "agent.auth", outcome: "failure", address: attempt.address, details: { code, claimedLineId, ...(audit.details as object) } });
    return { ok: false as const, code, message };
  };
  const anonymousActor = { actor: { kind: "anonymous" as const } };

  const protocol = (attempt.auth as { protocol?: unknown } | null)?.protocol;
  if (typeof protocol === "number" && protocol !== PROTOCOL_VERSION) {
    return fail("AGENT_PROTOCOL_UNSUPPORTED", { ...anonymousActor, details: { protocol } }, `This server speaks line protocol v${PROTOCOL_VERSION}; the agent sent v${protocol}.`);
  }
  const parsed = AgentHandshakeSchema.safeParse(attempt.auth);
  if (!parsed.success) return fail("AGENT_AUTH_MALFORMED", anonymousActor);
  const { lineId, token } = parsed.data;

  const line = await db.line.findUnique({
    where: { id: lineId },
    select: { id: true, code: true, manufacturerId: true, credentials: { select: { id: true, tokenHash: true, expiresAt: true, revokedAt: true } } },
  });
  if (!line) return fail("LINE_UNKNOWN", anonymousActor);
  const agentActor = { actor: { kind: "agent" as const, lineId: line.id, organizationId: line.manufacturerId }, targetType: "line", targetId: line.id };

  const tokenHash = LineTokenSchema.safeParse(token).success ? hashLineToken(token) : null;
  // Compare against every credential of the line, without stopping at the first match.
  let match: (typeof line.credentials)[number] | undefined;
  for (const credential of line.credentials) if (tokenHash && tokenHashesEqual(credential.tokenHash, tokenHash)) match = credential;
  if (!match) {
    const elsewhere = tokenHash ? await db.lineCredential.findUnique({ where: { tokenHash }, select: { lineId: true } }) : null;
    // A valid token presented with another line's id: a forgery attempt worth naming in the audit.
    return fail("TOKEN_INVALID", { ...agentActor, details: elsewhere ? { reason: "token of another line", tokenLineId: elsewhere.lineId } : { reason: "no such token" } });
  }
  if (match.revokedAt) return fail("TOKEN_REVOKED", { ...agentActor, details: { credentialId: match.id } });
  if (match.expiresAt && match.expiresAt.getTime() <= nowMs) return fail("TOKEN_EXPIRED", { ...agentActor, details: { credentialId: match.id } });
  if (attempt.clientCertificateName !== undefined && attempt.clientCertificateName !== line.id) {
    return fail("CLIENT_CERTIFICATE_MISMATCH", { ...agentActor, details: { credentialId: match.id, certificateName: attempt.clientCertificateName } });
  }

  await db.$transaction(async (tx) => {
    await tx.lineCredential.update({ where: { id: match.id }, data: { lastUsedAt: clock.now(), lastUsedAddress: attempt.address } });
    await recordAudit(tx, { ...agentActor, action: "agent.auth", address: attempt.address, details: { credentialId: match.id } });
  }, HANDSHAKE_TRANSACTION);
  return { ok: true, agent: { lineId: line.id, lineCode: line.code, manufacturerId: line.manufacturerId, credentialId: match.id } };
}

function claimedLine(auth: unknown): string | null {
  const lineId = (auth as { lineId?: unknown } | null)?.lineId;
  return typeof lineId === "string" && lineId.length > 0 && lineId.length <= 64 ? lineId : null;
}

function rateLimited(addressKey: string, lineId: string | null, nowMs: number): AgentAuthResult | null {
  const byAddress = limiters.byAddress.count(addressKey, nowMs) >= limits.perAddress;
  const byLine = lineId !== null && limiters.byLine.count(lineId, nowMs) >= limits.perLine;
  if (!byAddress && !byLine) return null;
  const retryAfterMs = limits.windowMs;
  logger.warn({ address: addressKey, lineId, byAddress, byLine }, "agent handshake rate-limited");
  // One audit entry per key and window: a flood must not become a flood of audit writes.
  const key = byAddress ? `address:${addressKey}` : `line:${lineId}`;
  if (nowMs - (limitAudits.get(key) ?? Number.NEGATIVE_INFINITY) >= limits.windowMs) {
    if (limitAudits.size > 10_000) limitAudits.clear();
    limitAudits.set(key, nowMs);
    void auditQuietly({ actor: { kind: "anonymous" }, action: "agent.auth", outcome: "failure", address: addressKey, details: { code: "AGENT_RATE_LIMITED", claimedLineId: lineId, by: byAddress ? "address" : "line" } });
  }
  return { ok: false, code: "AGENT_RATE_LIMITED", message: `${HANDSHAKE_ERRORS.AGENT_RATE_LIMITED} Retry in ${Math.ceil(retryAfterMs / 1000)} s.`, retryAfterMs };
}

async function auditQuietly(record: AuditRecord): Promise<void> {
  try {
    await db.$transaction((tx) => recordAudit(tx, record), HANDSHAKE_TRANSACTION);
  } catch (error) {
    logger.error({ err: error, action: record.action }, "could not audit an agent handshake");
  }
}
