import type { TLSSocket } from "node:tls";
import type { Namespace, Server, Socket } from "socket.io";
import { HANDSHAKE_ERRORS } from "@/lib/core/line-protocol";
import { resolveDatabaseTarget } from "../db/database-target";
import { logger } from "../logger";
import { agentLimits } from "../lines/agent-limits";
import { agentCredentialRoom, agentLineRoom, localAgentSockets } from "../lines/agent-sockets";
import { runAgentSession, supersede } from "../lines/agent-session";
import { authenticateLineAgent, type AgentIdentity } from "../lines/authenticate-line-agent";
import { HandshakeGate } from "../lines/handshake-gate";
import { LineEventIngestor } from "../lines/line-event-ingestor";
import { markAllLinesOffline } from "../lines/mark-line-offline";

function refusal(code: string, message: string, extra: Record<string, unknown> = {}) {
  return Object.assign(new Error(message), { data: { code, message, ...extra } });
}

/**
 * `/agent`: line agents speaking protocol v1 (lib/core/line-protocol, docs/decisions/0006).
 * The handshake carries `{ protocol, lineId, token }`; refusals reach the agent as
 * `connect_error` with `data: { code, message }`. With mutual TLS (TLS_CLIENT_CA), the client
 * certificate must be verified and name the line.
 */
export function attachAgentNamespace(io: Server, options: { clustered?: boolean } = {}): Namespace & { ingestor: LineEventIngestor } {
  const agent = io.of("/agent");
  const limits = agentLimits();
  const ingestor = new LineEventIngestor(() => limits.maxFutureSkewMs, ingestConcurrency());
  const gate = new HandshakeGate(4);
  // Alone, this process held every agent connection: lines left online by its previous run have
  // none any more. With other processes (Redis), their lines are theirs: a sweeper takes offline
  // only lines whose agent is connected nowhere (sweep-orphaned-lines.ts).
  const ready = options.clustered
    ? Promise.resolve()
    : markAllLinesOffline().catch((error) => logger.error({ err: error }, "could not reset line connections at start-up"));

  agent.use(async (socket, next) => {
    await ready;
    try {
      const result = await gate.run(() => authenticateLineAgent({ auth: protocolHandshake(socket.handshake.auth), address: remoteAddress(socket), clientCertificateName: clientCertificateName(socket) }));
      if (!result.ok) return next(refusal(result.code, result.message, result.retryAfterMs ? { retryAfterMs: result.retryAfterMs } : {}));
      socket.data.agent = result.agent;
      next();
    } catch (error) {
      logger.error({ err: error }, "agent authentication failed");
      next(refusal("AGENT_AUTH_UNAVAILABLE", HANDSHAKE_ERRORS.AGENT_AUTH_UNAVAILABLE));
    }
  });

  agent.on("connection", async (socket) => {
    const identity = socket.data.agent as AgentIdentity;
    // An older connection of this line here is superseded quietly; one on another process is
    // cut through the adapter without waiting for the other processes to answer.
    for (const older of localAgentSockets(agentLineRoom(identity.lineId), agent)) if (older.id !== socket.id) supersede(older);
    agent.in(agentLineRoom(identity.lineId)).except(socket.id).disconnectSockets(true);
    if (socket.disconnected) return;
    await socket.join([agentLineRoom(identity.lineId), agentCredentialRoom(identity.credentialId)]);
    runAgentSession(socket, identity, { ingestor, limits, gate });
  });
  return Object.assign(agent, { ingestor });
}

/**
 * The handshake without Socket.IO's own fields: with connection state recovery on (Redis), the
 * client library adds `pid` and `offset` on reconnection. `/agent` restores no session
 * (redis-adapter.ts), so they are dropped, and the strict protocol schema sees only the agent's.
 */
function protocolHandshake(auth: Record<string, unknown>): Record<string, unknown> {
  if (!auth || typeof auth !== "object") return auth;
  const { pid: _pid, offset: _offset, ...handshake } = auth;
  return handshake;
}

/**
 * Transactions of agent events in flight at once: one on PGlite (one connection anyway), a few on
 * PostgreSQL to overlap round trips (AGENT_INGEST_CONCURRENCY).
 */
function ingestConcurrency(): number {
  const configured = Number(process.env.AGENT_INGEST_CONCURRENCY);
  if (Number.isInteger(configured) && configured > 0) return configured;
  return resolveDatabaseTarget().kind === "postgres" ? 4 : 1;
}

/** The socket's peer address; X-Forwarded-For only behind a trusted proxy (TRUST_PROXY=1). */
function remoteAddress(socket: Socket): string | null {
  if (process.env.TRUST_PROXY === "1") {
    const forwarded = socket.handshake.headers["x-forwarded-for"];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
    if (first) return first.slice(0, 64);
  }
  return socket.handshake.address?.slice(0, 64) || null;
}

/** With TLS_CLIENT_CA set: the verified client certificate's CN (null when absent or unverified). */
function clientCertificateName(socket: Socket): string | null | undefined {
  if (!process.env.TLS_CLIENT_CA) return undefined;
  const tls = socket.request.socket as Partial<TLSSocket>;
  if (!tls.authorized || typeof tls.getPeerCertificate !== "function") return null;
  const subject = tls.getPeerCertificate()?.subject as { CN?: string | string[] } | undefined;
  const name = Array.isArray(subject?.CN) ? subject.CN[0] : subject?.CN;
  return name ?? null;
}
