import type { Namespace, Socket } from "socket.io";
import { socketServer } from "../realtime/live-hub";

/**
 * Where a line's agent socket can be reached. Agent sockets join `line:<id>` and
 * `credential:<id>` rooms of the `/agent` namespace, so use cases (in server.ts's module graph or
 * Next's) reach them through the one Socket.IO server — and through its adapter, across
 * processes.
 */
export const agentLineRoom = (lineId: string) => `line:${lineId}`;
export const agentCredentialRoom = (credentialId: string) => `credential:${credentialId}`;

export function agentNamespace() {
  return socketServer()?.of("/agent");
}

/** This process's sockets in a room of `/agent` (an agent is connected to exactly one process). */
export function localAgentSockets(room: string, agents: Namespace | undefined = agentNamespace()): Socket[] {
  const ids = agents?.adapter.rooms.get(room);
  if (!agents || !ids) return [];
  return [...ids].flatMap((id) => agents.sockets.get(id) ?? []);
}

/**
 * Sends a line's agent a message and collects its answers (none when no agent is connected;
 * rejects when one does not answer in time). An agent connected here is asked directly; one
 * connected to another process is asked through the adapter, which waits for every process.
 * Null when this process serves no sockets.
 */
export async function askLineAgent(lineId: string, event: "queue" | "command", payload: unknown, timeoutMs: number): Promise<unknown[] | null> {
  const agents = agentNamespace();
  if (!agents) return null;
  const local = localAgentSockets(agentLineRoom(lineId), agents);
  if (local.length > 0) return Promise.all(local.map((socket) => socket.timeout(timeoutMs).emitWithAck(event, payload)));
  return agents.to(agentLineRoom(lineId)).timeout(timeoutMs).emitWithAck(event, payload);
}

/** Revocation: cut the sockets that authenticated with this credential, now. */
export function disconnectCredentialSockets(credentialId: string): void {
  agentNamespace()?.in(agentCredentialRoom(credentialId)).disconnectSockets(true);
}
