import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { startCommandExpiry } from "../lines/expire-unfinished-commands";
import { startOrphanedLineSweeper } from "../lines/sweep-orphaned-lines";
import { attachAgentNamespace } from "./agent-namespace";
import { attachLiveNamespace } from "./live-namespace";
import { setSocketServer } from "./live-hub";
import { startOutboxDispatcher } from "./outbox-dispatcher";
import { createRedisFanout, redisFanoutSettings } from "./redis-adapter";

/**
 * Socket.IO on the app's HTTP server: `/live` for browsers, `/agent` for line agents, and the
 * outbox dispatcher. With REDIS_URL, the Redis Streams adapter fans every broadcast out to the
 * other app processes and browsers get connection state recovery; without it, this process
 * works alone (docs/decisions/0010-multi-process.md). Await `ready` before listening.
 */
export function createSocketServer(httpServer: HttpServer) {
  const settings = redisFanoutSettings();
  const fanout = settings.url ? createRedisFanout({ ...settings, url: settings.url }) : undefined;
  const io = new Server(httpServer, {
    serveClient: false,
    // Nothing a browser or agent sends us needs more; bigger frames are dropped unread.
    maxHttpBufferSize: 256 * 1024,
    pingInterval: 10_000,
    pingTimeout: 10_000,
    // Other upgrades on this server (Next's dev HMR websocket) are not ours to destroy.
    destroyUpgrade: false,
    ...(fanout
      ? {
          adapter: fanout.adapter,
          // Middlewares run again on a recovered socket: it is authenticated like a new one.
          connectionStateRecovery: { maxDisconnectionDuration: settings.maxDisconnectionMs, skipMiddlewares: false },
        }
      : {}),
  });
  setSocketServer(io, fanout);
  attachLiveNamespace(io, fanout);
  const agents = attachAgentNamespace(io, { clustered: Boolean(fanout) });
  const dispatcher = startOutboxDispatcher(io, fanout);
  const sweeper = fanout ? startOrphanedLineSweeper(agents) : undefined;
  const commandExpiry = startCommandExpiry();
  return {
    io,
    ready: fanout?.ready ?? Promise.resolve(),
    clustered: Boolean(fanout),
    async close() {
      sweeper?.stop();
      commandExpiry.stop();
      await dispatcher.stop();
      // Closing the connections (rather than a server-side disconnect) makes clients reconnect —
      // to another process behind the load balancer, or to this one when it is back — and, with
      // Redis, recover their session there.
      io.engine.close();
      await new Promise((resolve) => setImmediate(resolve));
      await Promise.allSettled([...io._nsps.values()].map((namespace) => namespace.adapter.close()));
      await fanout?.close();
      setSocketServer(undefined);
    },
  };
}
