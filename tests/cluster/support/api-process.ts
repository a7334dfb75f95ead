/**
 * An app process for the multi-process tests and bench: server.ts without Next's pages — the
 * same HTTP server shape, the app's real API route handlers (app/api/**\/route.ts, called with a
 * Request like Next calls them; pages/api/**, the Node API routes, called with Node's request
 * and response, as Next calls them), the real Socket.IO server (`/live`, `/agent`, the outbox, the
 * Redis fan-out) and the same graceful shutdown. It starts in a second instead of needing a
 * production build, so a test can start, kill and restart processes freely.
 *
 *   PORT=3101 DATABASE_URL=postgres://… REDIS_URL=redis://… node --import tsx tests/cluster/support/api-process.ts
 */
import { readdirSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { disconnectDatabase } from "@/lib/server/db";
import { createGracefulShutdown } from "@/lib/server/http/graceful-shutdown";
import type { NodeApiRoute } from "@/lib/server/http/node-api-route";
import { logger } from "@/lib/server/logger";
import { createSocketServer } from "@/lib/server/realtime/create-socket-server";
import { nodeApiRouteFiles } from "../../support/node-route-client";

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
type Route = { pattern: string[]; file: string; kind: "app" | "node"; module?: Promise<Record<string, unknown>> };

const API_ROOT = path.resolve(process.cwd(), "app", "api");
const routes = byLiteralSegmentsFirst([...findRoutes(API_ROOT, []), ...nodeApiRouteFiles().map(({ file, segments }) => ({ pattern: segments, file, kind: "node" as const }))]);

function findRoutes(dir: string, segments: string[]): Route[] {
  const found: Route[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      // Sign-in runs through Next (Auth.js); tests sign in with a minted session cookie.
      if (name !== "[...nextauth]") found.push(...findRoutes(full, [...segments, name]));
    } else if (name === "route.ts") found.push({ pattern: segments, file: full, kind: "app" });
  }
  return found;
}

// Literal segments before dynamic ones, as Next resolves them.
function byLiteralSegmentsFirst(found: Route[]): Route[] {
  return found.sort((a, b) => a.pattern.filter((s) => s.startsWith("[")).length - b.pattern.filter((s) => s.startsWith("[")).length);
}

function match(route: Route, parts: string[]): Record<string, string | string[]> | null {
  const params: Record<string, string | string[]> = {};
  for (let i = 0; i < route.pattern.length; i++) {
    const segment = route.pattern[i]!;
    if (segment.startsWith("[...")) {
      params[segment.slice(4, -1)] = parts.slice(i);
      return parts.length > i ? params : null;
    }
    const part = parts[i];
    if (part === undefined) return null;
    if (segment.startsWith("[")) params[segment.slice(1, -1)] = decodeURIComponent(part);
    else if (segment !== part) return null;
  }
  return parts.length === route.pattern.length ? params : null;
}

async function handle(incoming: IncomingMessage, outgoing: ServerResponse) {
  const url = new URL(incoming.url ?? "/", `http://${incoming.headers.host ?? "localhost"}`);
  const parts = url.pathname.replace(/^\/api\/?/, "").split("/").filter(Boolean);
  const found = url.pathname.startsWith("/api/") ? routes.map((route) => ({ route, params: match(route, parts) })).find((candidate) => candidate.params) : undefined;
  if (!found) return void outgoing.writeHead(404).end();
  found.route.module ??= import(pathToFileURL(found.route.file).href);
  if (found.route.kind === "node") return ((await found.route.module).default as NodeApiRoute)(incoming, outgoing);
  const handler = (await found.route.module)[incoming.method ?? "GET"] as Handler | undefined;
  if (!handler) return void outgoing.writeHead(405).end();
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  const body = incoming.method === "GET" || incoming.method === "HEAD" ? undefined : Buffer.concat(chunks);
  const response = await handler(new Request(url, { method: incoming.method, headers, body }), { params: Promise.resolve(found.params!) });
  const responseHeaders: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => (responseHeaders[name] = value));
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) responseHeaders["set-cookie"] = cookies;
  outgoing.writeHead(response.status, responseHeaders);
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}

async function main() {
  const port = Number(process.env.PORT ?? 3101);
  const trustProxy = process.env.TRUST_PROXY === "1";
  const httpServer = createServer((incoming, outgoing) => {
    // As in server.ts: the client address is the socket's unless a trusted proxy says otherwise.
    if (!trustProxy) incoming.headers["x-forwarded-for"] = incoming.socket.remoteAddress ?? "";
    handle(incoming, outgoing).catch((error) => {
      logger.error({ err: error }, "api process: unhandled error");
      if (!outgoing.headersSent) outgoing.writeHead(500).end();
    });
  });
  const sockets = createSocketServer(httpServer);
  await sockets.ready;
  await new Promise<void>((resolve) => httpServer.listen(port, process.env.HOST ?? "127.0.0.1", resolve));
  logger.info({ port, pid: process.pid, redis: sockets.clustered }, "api process ready");
  const shutdown = createGracefulShutdown({ httpServer, closeSockets: sockets.close, closeResources: disconnectDatabase, graceMs: 5_000 });
  const exitAfter = (signal: string) => void shutdown(signal).then(() => process.exit(0));
  process.on("SIGTERM", () => exitAfter("SIGTERM"));
  process.on("SIGINT", () => exitAfter("SIGINT"));
}

main().catch((error) => {
  logger.fatal({ err: error }, "api process failed to start");
  process.exit(1);
});
