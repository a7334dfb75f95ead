/**
 * Is this error the database being out of reach (down, restarting, connection cut), rather than
 * a fault of the request or of our code? Such errors are answered 503 with Retry-After — the
 * client may try again, a load balancer may look elsewhere — instead of a 500 blaming us.
 * Looks through `cause` chains: Prisma wraps the driver adapter's error, which wraps pg's.
 */
const UNAVAILABLE_CODES = new Set([
  // Prisma: can't reach the server, timed out, server closed the connection.
  "P1001", "P1002", "P1008", "P1017",
  // Sockets.
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND",
  // PostgreSQL: admin/crash shutdown, cannot connect now (starting up), connection exceptions.
  "57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006",
]);
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const UNAVAILABLE_MESSAGE = /Connection terminated|connection timeout|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode)|Can't reach database server|Server has closed the connection|Client has encountered a connection error/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === "object"; depth++) {
    const candidate = current as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown };
    if (typeof candidate.code === "string" && UNAVAILABLE_CODES.has(candidate.code)) return true;
    if (typeof candidate.originalCode === "string" && UNAVAILABLE_CODES.has(candidate.originalCode)) return true;
    if (typeof candidate.kind === "string" && UNAVAILABLE_KINDS.has(candidate.kind)) return true;
    if (typeof candidate.message === "string" && UNAVAILABLE_MESSAGE.test(candidate.message)) return true;
    current = candidate.cause;
  }
  return false;
}
