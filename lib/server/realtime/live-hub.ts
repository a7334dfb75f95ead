import type { Server } from "socket.io";

/**
 * The Socket.IO server of this process, reachable from use cases. It lives on globalThis
 * because server.ts and Next's bundled route handlers are separate module graphs.
 */
const globalForHub = globalThis as unknown as { __tailorlineIo?: Server };

export function setSocketServer(io: Server | undefined): void {
  globalForHub.__tailorlineIo = io;
}

export function socketServer(): Server | undefined {
  return globalForHub.__tailorlineIo;
}

/** Ends a user's live connections (deactivation, role change): they must reconnect and re-authorize. */
export function disconnectUserSockets(userId: string): void {
  socketServer()?.of("/live").in(`user:${userId}`).disconnectSockets(true);
}
