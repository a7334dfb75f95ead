import type { Namespace } from "socket.io";
import { db } from "../db";
import { logger } from "../logger";
import type { AgentIdentity } from "./authenticate-line-agent";
import { markLineOffline } from "./mark-line-offline";

/**
 * With several app processes, a line is online while its agent's socket is connected to one of
 * them, and that process takes it offline when the socket closes. A process that dies cannot:
 * its lines stay online. This sweeper, on every process, finds lines online in the database whose
 * agent has no socket on any process, and takes them offline — only after two sweeps in a row
 * found the same connection orphaned, so a process that joined the cluster a moment ago (and is
 * not yet counted in the adapter's replies) cannot make a live line flap. Agents normally come
 * back within seconds, to another process, and their birth puts the line online again first.
 * (docs/decisions/0010-multi-process.md)
 */
export function startOrphanedLineSweeper(agents: Namespace, intervalMs = Number(process.env.LINE_SWEEP_INTERVAL_MS ?? 10_000)): { stop(): void } {
  let suspects = new Map<string, number>();
  let running = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      suspects = await sweepOrphanedLines(agents, suspects);
    } catch (error) {
      // A process that does not answer in time: try again at the next sweep.
      logger.warn({ err: error }, "could not sweep lines without an agent connection");
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void sweep(), intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/**
 * One sweep. `suspects` maps a line to the connection (connectedAt, ms) found orphaned by the
 * previous sweep; returns this sweep's suspects. The database is read before the sockets are
 * fetched: a line online at that read has its socket connected at that read (an agent joins its
 * rooms before its birth), so a socket missing afterwards has gone.
 */
export async function sweepOrphanedLines(agents: Namespace, suspects: Map<string, number>): Promise<Map<string, number>> {
  const online = await db.line.findMany({ where: { online: true, connectedAt: { not: null } }, select: { id: true, manufacturerId: true, code: true, connectedAt: true } });
  if (online.length === 0) return new Map();
  const connected = new Set((await agents.fetchSockets()).map((socket) => (socket.data.agent as AgentIdentity | undefined)?.lineId));
  const next = new Map<string, number>();
  for (const line of online) {
    if (connected.has(line.id)) continue;
    const connectedAt = line.connectedAt!;
    if (suspects.get(line.id) === connectedAt.getTime()) await markLineOffline(line, connectedAt, "agent connection lost: its app process stopped");
    else next.set(line.id, connectedAt.getTime());
  }
  return next;
}
