/**
 * The one Tailorline process: one HTTP server for Next.js (pages, API) and Socket.IO.
 *   npm run dev    — development, watching files
 *   npm start      — the production build
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import next from "next";
import { ensureAuthSecret } from "./lib/server/auth/auth-secret";
import { disconnectDatabase } from "./lib/server/db";
import { describeDatabaseTarget, resolveDatabaseTarget } from "./lib/server/db/database-target";
import { createGracefulShutdown } from "./lib/server/http/graceful-shutdown";
import { createLoadShedder, loadSheddingOptions } from "./lib/server/http/load-shedding";
import { logger } from "./lib/server/logger";
import { createSocketServer } from "./lib/server/realtime/create-socket-server";

const dev = process.env.NODE_ENV !== "production";
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";
const trustProxy = process.env.TRUST_PROXY === "1";
const SHUTDOWN_GRACE_MS = Number(process.env.SHUTDOWN_GRACE_MS ?? 10_000);

/**
 * HTTPS when TLS_CERT and TLS_KEY name PEM files. With TLS_CLIENT_CA, clients are asked for a
 * certificate signed by that CA; browsers need none (the handshake does not require one), but
 * line agents must present one naming their line (checked on /agent, docs/decisions/0006).
 */
const tls = process.env.TLS_CERT && process.env.TLS_KEY
  ? {
      cert: readFileSync(process.env.TLS_CERT),
      key: readFileSync(process.env.TLS_KEY),
      ...(process.env.TLS_CLIENT_CA ? { ca: readFileSync(process.env.TLS_CLIENT_CA), requestCert: true, rejectUnauthorized: false } : {}),
    }
  : undefined;

async function main() {
  ensureAuthSecret();
  const app = next({ dev, hostname, port, turbopack: dev });
  await app.prepare();
  const handle = app.getRequestHandler();

  // Past saturation, API requests are answered 503 at once rather than left to time out.
  const shedder = createLoadShedder(loadSheddingOptions());
  const onRequest = (request: IncomingMessage, response: ServerResponse) => {
    // Audit and rate limits read the client address from X-Forwarded-For; unless a trusted
    // proxy sets it, it is the socket's address and nothing a client can claim.
    if (!trustProxy) request.headers["x-forwarded-for"] = request.socket.remoteAddress ?? "";
    shedder.handle(request, response, () => void handle(request, response));
  };
  const httpServer = tls ? createTlsServer(tls, onRequest) : createServer(onRequest);
  const sockets = createSocketServer(httpServer);
  // With REDIS_URL, serve only once this process is in the fan-out (docs/decisions/0010).
  await sockets.ready;
  // Socket.IO answers its own upgrades; every other one (Next's dev HMR) goes to Next.
  const upgradeNext = app.getUpgradeHandler();
  httpServer.on("upgrade", (request, socket, head) => {
    if (!request.url?.startsWith("/socket.io/")) void upgradeNext(request, socket, head);
  });

  await new Promise<void>((resolve) => httpServer.listen(port, hostname, resolve));
  const shownHost = hostname === "0.0.0.0" ? "localhost" : hostname;
  logger.info({ port, dev, database: describeDatabaseTarget(resolveDatabaseTarget()), redis: sockets.clustered }, `Tailorline ready on ${tls ? "https" : "http"}://${shownHost}:${port}`);

  const shutdown = createGracefulShutdown({
    httpServer,
    closeSockets: sockets.close,
    closeResources: async () => {
      await app.close?.();
      await disconnectDatabase();
    },
    graceMs: SHUTDOWN_GRACE_MS,
  });
  const exitAfter = (signal: string) => void shutdown(signal).then(() => process.exit(0));
  process.on("SIGTERM", () => exitAfter("SIGTERM"));
  process.on("SIGINT", () => exitAfter("SIGINT"));
}

main().catch((error) => {
  logger.fatal({ err: error }, "Tailorline failed to start");
  process.exit(1);
});
