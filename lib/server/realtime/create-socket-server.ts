import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { attachAgentNamespace } from "./agent-namespace";
import { attachLiveNamespace } from "./live-namespace";
import { setSocketServer } from "./live-hub";
import { startOutboxDispatcher } from "./outbox-dispatcher";

/** Socket.IO on the app's HTTP server: `/live` for browsers, `/agent` for line agents, and the outbox dispatcher. */
export function createSocketServer(httpServer: HttpServer) {
  const io = new Server(httpServer, {
    serveClient: false,
    // Nothing a browser or agent sends us needs more; bigger frames are dropped unread.
    maxHttpBufferSize: 256 * 1024,
    pingInterval: 10_000,
    pingTimeout: 10_000,
    // Other upgrades on this server (Next's dev HMR websocket) are not ours to destroy.
    destroyUpgrade: false,
  });
  setSocketServer(io);
  attachLiveNamespace(io);
  attachAgentNamespace(io);
  const dispatcher = startOutboxDispatcher(io);
  return {
    io,
    async close() {
      await dispatcher.stop();
      io.disconnectSockets(true);
      for (const namespace of io._nsps.values()) namespace.disconnectSockets(true);
      setSocketServer(undefined);
    },
  };
}
