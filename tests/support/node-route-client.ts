import { existsSync, readdirSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

type NodeRoute = (request: http.IncomingMessage, response: http.ServerResponse) => Promise<void>;

/**
 * The app's Node API routes (Pages Router, lib/server/http/node-api-route.ts) on disk, each with
 * its URL's segments after /api: pages/api/orders/index.ts → ["orders"].
 */
export function nodeApiRouteFiles(dir = path.resolve(process.cwd(), "pages", "api"), segments: string[] = []): Array<{ file: string; segments: string[] }> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) return nodeApiRouteFiles(file, [...segments, name]);
      const stem = name.replace(/\.(ts|tsx|js)$/, "");
      if (stem === name) return [];
      return [{ file, segments: stem === "index" ? segments : [...segments, stem] }];
    });
}

const ports = new WeakMap<NodeRoute, Promise<number>>();

/** A loopback HTTP server of its own for a Node API route (pages/api/…), started on first use. */
function portOf(route: NodeRoute): Promise<number> {
  let port = ports.get(route);
  if (!port) {
    port = new Promise((resolve, reject) => {
      const server = http.createServer((request, response) => void route(request, response));
      server.on("error", reject);
      server.listen(0, "127.0.0.1", () => {
        server.unref(); // a test file's process ends without closing it
        resolve((server.address() as AddressInfo).port);
      });
    });
    ports.set(route, port);
  }
  return port;
}

/**
 * Calls a Node API route over real HTTP as a route handler is called: a Request in, a Response
 * out. The request's own headers go as they are, Host included (the CSRF check reads it).
 */
export async function callNodeRoute(route: NodeRoute, request: Request): Promise<Response> {
  const port = await portOf(route);
  const url = new URL(request.url);
  const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
  const headers: Record<string, string> = Object.fromEntries(request.headers);
  if (body) headers["content-length"] = String(body.length);
  return new Promise((resolve, reject) => {
    const outgoing = http.request({ host: "127.0.0.1", port, method: request.method, path: url.pathname + url.search, headers, agent: false }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("error", reject);
      incoming.on("end", () => {
        const answerHeaders = new Headers();
        for (const [name, value] of Object.entries(incoming.headers)) for (const one of [value ?? []].flat()) answerHeaders.append(name, one);
        const status = incoming.statusCode ?? 500;
        resolve(new Response(status === 204 || status === 304 ? null : Buffer.concat(chunks), { status, headers: answerHeaders }));
      });
    });
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}
