import type { Server as HttpServer } from "node:http";
import { logger } from "../logger";

/**
 * Stops a server without dropping work: stop accepting connections, let requests in flight
 * finish (up to `graceMs`, then cut what remains), close the sockets and then the resources
 * behind them (the app, the database), in that order.
 */
export function createGracefulShutdown(options: {
  httpServer: HttpServer;
  closeSockets: () => Promise<void>;
  closeResources: () => Promise<void>;
  graceMs: number;
}): (reason: string) => Promise<void> {
  let shutdown: Promise<void> | undefined;
  return (reason) => {
    shutdown ??= (async () => {
      logger.info({ reason }, "shutting down: no new connections, finishing requests in flight");
      const forced = setTimeout(() => {
        logger.warn("grace period over: closing remaining connections");
        options.httpServer.closeAllConnections();
      }, options.graceMs);
      forced.unref();
      const httpClosed = new Promise<void>((resolve) => options.httpServer.close(() => resolve()));
      options.httpServer.closeIdleConnections();
      await options.closeSockets();
      await httpClosed;
      clearTimeout(forced);
      await options.closeResources();
      logger.info("stopped");
    })();
    return shutdown;
  };
}
