import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { NodeApiRoute } from "@/lib/server/http/node-api-route";
import { callNodeRoute, nodeApiRouteFiles } from "../../support/node-route-client";

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
export const MUTATING_METHODS: ReadonlySet<string> = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export type RouteHandler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
export type DiscoveredRoute = { route: string; file: string; method: HttpMethod; key: string; handler: RouteHandler; source: string };

const APP = path.resolve(process.cwd(), "app");

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return /^route\.(ts|tsx|js)$/.test(name) ? [full] : [];
  });
}

/** The route of a route file as its URL pattern: app/api/orders/[orderId]/route.ts → /api/orders/[orderId]. */
function routeOf(file: string): string {
  const segments = path.relative(APP, path.dirname(file)).split(path.sep).filter((segment) => !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}

/**
 * Every route handler of the app, found on disk and imported: the source of truth the matrix is
 * held against (a route added tomorrow is found here whether or not anyone remembered it). The
 * App Router's route handlers are called as they are; the Pages Router's API routes over a
 * loopback HTTP server of their own, a Request in and a Response out all the same.
 */
export async function discoverRoutes(): Promise<DiscoveredRoute[]> {
  const found: DiscoveredRoute[] = [];
  for (const { file, segments } of nodeApiRouteFiles()) {
    const route = (await import(/* @vite-ignore */ file)).default as NodeApiRoute | undefined;
    if (typeof route !== "function" || !Array.isArray(route.methods)) throw new Error(`${file}: not a nodeApiRoute (lib/server/http/node-api-route.ts)`);
    const source = readFileSync(file, "utf8");
    const pattern = `/${["api", ...segments].join("/")}`;
    for (const method of HTTP_METHODS.filter((candidate) => (route.methods as readonly string[]).includes(candidate))) {
      found.push({ route: pattern, file, method, key: `${pattern} ${method}`, handler: (request) => callNodeRoute(route, request), source });
    }
  }
  for (const file of routeFiles(APP).sort()) {
    const handlers = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    const source = readFileSync(file, "utf8");
    const route = routeOf(file);
    for (const method of HTTP_METHODS) {
      const handler = handlers[method];
      if (typeof handler === "function") found.push({ route, file, method, key: `${route} ${method}`, handler: handler as RouteHandler, source });
    }
  }
  return found.sort((a, b) => a.key.localeCompare(b.key));
}

/** The concrete URL of a route pattern with its params filled in. */
export function urlOf(route: string, params: Record<string, string | string[]> = {}, query: Record<string, string> = {}): string {
  const filled = route.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_match, rest: string | undefined, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${route}: no value for [${rest ?? ""}${name}]`);
    return Array.isArray(value) ? value.map(encodeURIComponent).join("/") : encodeURIComponent(value);
  });
  const search = new URLSearchParams(query).toString();
  return `http://localhost:3000${filled}${search ? `?${search}` : ""}`;
}

/** Files that declare server actions ("use server" at the top), with their exported functions. */
export async function discoverServerActions(): Promise<Array<{ key: string; file: string; name: string }>> {
  const files = [APP, path.resolve(process.cwd(), "lib"), path.resolve(process.cwd(), "components")].flatMap((dir) => sourceFiles(dir));
  const actions: Array<{ key: string; file: string; name: string }> = [];
  for (const file of files) {
    const source = readFileSync(file, "utf8");
    if (!/["']use server["']/.test(source)) continue;
    const relative = path.relative(process.cwd(), file).split(path.sep).join("/");
    if (!/^\s*["']use server["'];?/m.test(source.split("\n").slice(0, 3).join("\n"))) {
      // An inline action inside a component: the matrix must name it like any other.
      actions.push({ key: `${relative} (inline server action)`, file, name: "(inline)" });
      continue;
    }
    for (const match of source.matchAll(/export\s+(?:async\s+)?function\s+([A-Za-z0-9_]+)|export\s+const\s+([A-Za-z0-9_]+)\s*=/g)) {
      const name = match[1] ?? match[2]!;
      actions.push({ key: `${relative} ${name}`, file, name });
    }
  }
  return actions.sort((a, b) => a.key.localeCompare(b.key));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "node_modules" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}
