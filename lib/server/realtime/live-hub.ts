import type { Server } from "socket.io";
import type { RedisFanout } from "./redis-adapter";

/**
 * The Socket.IO server of this process, reachable from use cases. It lives on globalThis
 * because server.ts and Next's bundled route handlers are separate module graphs.
 */
const globalForHub = globalThis as unknown as { __tailorlineIo?: Server; __tailorlineFanout?: RedisFanout };

export function setSocketServer(io: Server | undefined, fanout?: RedisFanout): void {
  globalForHub.__tailorlineIo = io;
  globalForHub.__tailorlineFanout = io ? fanout : undefined;
}

export function socketServer(): Server | undefined {
  return globalForHub.__tailorlineIo;
}

/** The Redis fan-out to the other app processes, when REDIS_URL is set (redis-adapter.ts). */
export function socketFanout(): RedisFanout | undefined {
  return globalForHub.__tailorlineFanout;
}

/** Ends a user's live connections (deactivation, role change): they must reconnect and re-authorize. */
export function disconnectUserSockets(userId: string): void {
  socketServer()?.of("/live").in(`user:${userId}`).disconnectSockets(true);
}
