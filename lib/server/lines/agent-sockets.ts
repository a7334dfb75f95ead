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

/** Revocation: cut the sockets that authenticated with this credential, now. */
export function disconnectCredentialSockets(credentialId: string): void {
  agentNamespace()?.in(agentCredentialRoom(credentialId)).disconnectSockets(true);
}
