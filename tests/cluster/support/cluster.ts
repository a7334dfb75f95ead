import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import path from "node:path";
import { createClient } from "redis";
import { io as connect, type ManagerOptions, type Socket, type SocketOptions } from "socket.io-client";
import { inject } from "vitest";
import { startAppProcess, type AppProcess } from "@/scripts/cluster/app-process";
import { startStickyProxy } from "@/scripts/cluster/sticky-proxy";
import { createTestDatabase } from "../../support/test-database";

const ENTRY = path.resolve(process.cwd(), "tests/cluster/support/api-process.ts");

/** A port nobody listens on now (the app process binds it a moment later). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A cluster for one test file: its own copy of the seeded database, its own Redis keys, N app
 * processes (tests/cluster/support/api-process.ts) and, if asked, the sticky proxy in front.
 * The test process itself uses the same database (DATABASE_URL) for fixtures and checks.
 */
export async function startTestCluster(options: { processes?: number; proxy?: boolean; env?: Record<string, string> } = {}) {
  const database = await createTestDatabase(inject("databaseTemplate"), true);
  process.env.DATABASE_URL = database.url;
  const prefix = `test-${randomBytes(5).toString("hex")}`;
  const env: Record<string, string> = {
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: "5",
    REDIS_URL: inject("redisUrl"),
    REDIS_KEY_PREFIX: prefix,
    AUTH_SECRET: process.env.AUTH_SECRET!,
    NODE_ENV: "test",
    LOG_LEVEL: "warn",
    TRUST_PROXY: "1",
    ...options.env,
  };
  const ports = await Promise.all(Array.from({ length: options.processes ?? 2 }, freePort));
  const start = (index: number) => startAppProcess({ index, port: ports[index]!, entry: ENTRY, env });
  const apps: AppProcess[] = await Promise.all(ports.map((_, index) => start(index)));
  const proxy = options.proxy ? await startStickyProxy({ port: 0, upstreams: ports.map((port) => ({ host: "127.0.0.1", port })) }) : undefined;
  return {
    apps,
    proxy,
    env,
    /** Starts process `index` again on its port (after a kill or stop). */
    async restart(index: number) {
      apps[index] = await start(index);
      return apps[index]!;
    },
    async close() {
      await proxy?.close();
      await Promise.all(apps.map((app) => app.kill()));
      const { disconnectDatabase } = await import("@/lib/server/db");
      await disconnectDatabase();
      await database.drop();
      const redis = createClient({ url: env.REDIS_URL });
      await redis.connect();
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(keys);
      await redis.close();
    },
  };
}

export type TestCluster = Awaited<ReturnType<typeof startTestCluster>>;

const sockets: Socket[] = [];

/** A browser-like `/live` socket with a session cookie (no reconnection unless asked). */
export function liveSocket(url: string, cookie: string, options: Partial<ManagerOptions & SocketOptions> = {}): Socket {
  const socket = connect(`${url}/live`, { transports: ["websocket"], extraHeaders: { cookie }, reconnection: false, forceNew: true, ...options });
  sockets.push(socket);
  return socket;
}

export function closeSockets(): void {
  for (const socket of sockets.splice(0)) socket.disconnect();
}

export function connected(socket: Socket, timeoutMs = 10_000): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("socket did not connect")), timeoutMs);
    socket.once("connect", () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once("connect_error", (error: Error & { data?: unknown }) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`connect_error: ${error.message}`), { data: error.data }));
    });
  });
}

/** Every event a socket receives, with its payload (the offset Socket.IO may append is dropped). */
export function record(socket: Socket): Array<{ event: string; payload: Record<string, unknown> }> {
  const seen: Array<{ event: string; payload: Record<string, unknown> }> = [];
  socket.onAny((event: string, payload: Record<string, unknown>) => seen.push({ event, payload }));
  return seen;
}

export async function waitFor<T>(probe: () => T | null | undefined | false | Promise<T | null | undefined | false>, timeoutMs = 10_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A request as the browser's page sends it: session cookie, same-origin, JSON. */
export async function api(url: string, method: string, path: string, cookie: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { cookie, "sec-fetch-site": "same-origin", ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}
