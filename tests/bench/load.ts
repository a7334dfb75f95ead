/**
 * `npm run bench:load` — the production server (`npm start`, needs `npm run build`) on PostgreSQL
 * under load, scenario by scenario, with autocannon for HTTP and real line agents for events:
 *
 *   browse-catalogue   GET /catalogue (the page, server-rendered from the database)
 *   configure          POST /api/promise (evaluate a configuration, quote and hold a date)
 *   place-orders       POST /api/orders (a fridge and a washer, a new idempotency key each)
 *   supplier-confirm   POST /api/parts-requests/:id/responses (each request confirmed once)
 *   agent-events       line agents streaming status events over /agent (ack latency)
 *   mixed              all of the above at once
 *   overload           far past saturation on the API: requests must be shed (503 + Retry-After), not time out
 *
 * Prints one line per scenario: req/s, p50/p95/p99 in ms, errors, shed answers and the server's
 * peak RSS. Exits 1 if a scenario below saturation had any error (non-2xx, socket error, timeout),
 * or if the overload was not shed cleanly.
 *
 *   npm run bench:load                  (15 s per scenario)
 *   npm run bench:load -- --short       (4 s per scenario: CI)
 *   LOAD_ORDER_CONNECTIONS=16           (orders at once; default 8)
 *   LOAD_DATABASE_URL=postgres://…      (a server to use, with CREATEDB; default: one started here
 *                                        with scripts/ci/postgres.sh on port LOAD_POSTGRES_PORT=55441)
 */
import autocannon from "autocannon";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { refrigerator } from "../../lib/core/configurator/examples";
import { postgresScript } from "../faults/support/postgres-server";
import { rssMiB, startApp, type AppProcess } from "../security/support/app-process";
import { defaultConfiguration } from "../support/order-fixtures";
import { percentile } from "./bench-server";

const SHORT = process.argv.includes("--short") || process.env.LOAD_SHORT === "1";
const SECONDS = Number(process.env.LOAD_SECONDS ?? (SHORT ? 4 : 15));
const POSTGRES_PORT = Number(process.env.LOAD_POSTGRES_PORT ?? 55441);
/** Orders placed at once in their own scenario (LOAD_ORDER_CONNECTIONS): see the comment there. */
const ORDER_CONNECTIONS = Number(process.env.LOAD_ORDER_CONNECTIONS ?? 8);
process.env.AUTH_SECRET ??= "bench-load-secret-0123456789abcdef0123456789";

type Fixtures = Awaited<ReturnType<typeof prepareFixtures>>;
type Line = { name: string; connections: number | string; requests: number; seconds: number; latencies: number[]; errors: number; shed: number; statuses: Record<string, number>; rssMb: number | null };

async function main(): Promise<number> {
  let pgDir: string | undefined;
  let adminUrl = process.env.LOAD_DATABASE_URL;
  if (!adminUrl) {
    pgDir = mkdtempSync(path.join(tmpdir(), "tailorline-load-pg-"));
    adminUrl = (await postgresScript("start", pgDir, POSTGRES_PORT)).trim();
  }
  let app: AppProcess | undefined;
  // Interrupted: take the server and the database down with the run, not left behind.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      app?.child.kill("SIGKILL");
      if (pgDir) void postgresScript("stop", pgDir).finally(() => process.exit(130));
      else process.exit(130);
    });
  }
  try {
    process.env.TEST_DATABASE_URL = adminUrl;
    const { createTestDatabase, prepareTemplate } = await import("../support/test-database");
    const database = await createTestDatabase(await prepareTemplate(), true);
    process.env.DATABASE_URL = database.url;
    const fixtures = await prepareFixtures();
    app = await startApp({ databaseUrl: database.url, env: { LOG_LEVEL: "warn", DATABASE_POOL_SIZE: "20" } });
    console.log(`bench:load — production server on PostgreSQL, ${SECONDS} s per scenario${SHORT ? " (short)" : ""}, shedding past ${process.env.API_MAX_IN_FLIGHT ?? 48} in flight + ${process.env.API_MAX_QUEUE ?? 128} queued`);
    await warmUp(app, fixtures);

    const lines: Line[] = [];
    const failures: string[] = [];
    const report = (line: Line, belowSaturation: boolean) => {
      lines.push(line);
      console.log(format(line));
      if (belowSaturation && line.errors > 0) failures.push(`${line.name}: ${line.errors} errors ${JSON.stringify(line.statuses)}`);
    };
    const server = app;
    report(await http(server, "browse-catalogue", 8, browse()), true);
    report(await http(server, "configure", 8, configure()), true);
    // Placing an order is the heavy path (re-evaluation, promise, stock locks, jobs, in one
    // transaction): concurrent orders for the same parts are what found the 40P01 deadlock.
    report(await http(server, "place-orders", ORDER_CONNECTIONS, placeOrders(fixtures)), true);
    report(await http(server, "supplier-confirm", 4, supplierConfirm(fixtures)), true);
    report(await agents(server, fixtures, "agent-events"), true);

    const mixed = await Promise.all([
      http(server, "mixed:browse-catalogue", 4, browse()),
      http(server, "mixed:configure", 4, configure()),
      http(server, "mixed:place-orders", 4, placeOrders(fixtures)),
      http(server, "mixed:supplier-confirm", 2, supplierConfirm(fixtures)),
      agents(server, fixtures, "mixed:agent-events"),
    ]);
    for (const line of mixed) report(line, true);
    report(combine("mixed", mixed), true);

    // Far past saturation: 400 connections on the API. Shedding answers 503 at once instead.
    const overload = await http(server, "overload:configure", 400, configure(), { timeoutSeconds: 10 });
    report(overload, false);
    const unclean = Object.entries(overload.statuses).filter(([status]) => !["200", "503", "429"].includes(status));
    if (overload.shed === 0) failures.push("overload: nothing was shed — raise the connections or lower API_MAX_IN_FLIGHT");
    if (unclean.length > 0) failures.push(`overload: answers other than 200/503/429: ${JSON.stringify(Object.fromEntries(unclean))}`);
    if (overload.statuses.timeout || overload.statuses.error) failures.push(`overload: ${overload.statuses.timeout ?? 0} timeouts, ${overload.statuses.error ?? 0} socket errors`);

    const health = await fetch(`${server.url}/api/health`);
    console.log(`after the run: health ${health.status}, server rss_mb=${rssMiB(server.pid)}`);
    if (failures.length > 0) {
      const logged = server.output().split("\n").filter((entry) => /"level":(50|60)/.test(entry));
      console.error(`bench:load FAILED:\n  ${failures.join("\n  ")}\nserver errors (${logged.length}, last 5):\n${logged.slice(-5).map((entry) => entry.slice(0, 1_500)).join("\n")}`);
      return 1;
    }
    return 0;
  } finally {
    await app?.stop();
    if (pgDir) {
      await postgresScript("stop", pgDir);
      rmSync(pgDir, { recursive: true, force: true });
    }
  }
}

// ───────────────────────────── fixtures ─────────────────────────────

async function prepareFixtures() {
  const { db, disconnectDatabase } = await import("../../lib/server/db");
  const { loadActorForUser } = await import("../../lib/server/auth/load-actor");
  const { placeOrder } = await import("../../lib/server/orders/place-order");
  const { createLineCredential } = await import("../../lib/server/lines/create-line-credential");
  const { sessionCookieFor } = await import("../support/session-cookie");
  const { applianceOrder } = await import("../support/order-fixtures");

  const template = await db.user.findUniqueOrThrow({ where: { email: "consumer@tailorline.test" } });
  const consumers = await Promise.all(
    Array.from({ length: 20 }, (_, index) => db.user.create({ data: { email: `load-${randomUUID()}@example.test`, name: `Load ${index}`, role: "consumer", passwordHash: template.passwordHash } })),
  );
  const consumerCookies = await Promise.all(consumers.map((user) => sessionCookieFor(user)));

  // Parts requests waiting for the demo supplier, each to be confirmed once.
  const supplier = await db.user.findUniqueOrThrow({ where: { email: "supplier@tailorline.test" } });
  const placed = await placeOrder(await loadActorForUser(template.id, template.sessionVersion), applianceOrder());
  const request = await db.partsRequest.findFirstOrThrow({ where: { orderId: placed.order.id } });
  const pending = SHORT ? 1_500 : 6_000;
  const now = new Date();
  const ids = Array.from({ length: pending }, () => randomUUID());
  await db.partsRequest.createMany({
    data: ids.map((id) => ({ id, manufacturerId: request.manufacturerId, supplierId: supplier.organizationId!, orderId: request.orderId, partId: request.partId, quantity: request.quantity, neededBy: request.neededBy, createdAt: now })),
  });

  // Line agents: the demo factory's lines, each with a fresh credential.
  const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@tailorline.test" } });
  const adminActor = await loadActorForUser(admin.id, admin.sessionVersion);
  const demoLines = await db.line.findMany({ where: { manufacturerId: admin.organizationId! }, select: { id: true, code: true }, take: 10 });
  const lines = [];
  for (const line of demoLines) lines.push({ ...line, token: (await createLineCredential(adminActor, line.id, { label: "bench:load" }, null)).token });
  await disconnectDatabase();
  return { consumerCookies, supplierCookie: await sessionCookieFor(supplier), pendingRequests: ids, lines };
}

// ───────────────────────────── scenarios ─────────────────────────────

type Request = { method: "GET" | "POST"; path: (index: number) => string; headers?: (index: number) => Record<string, string>; body?: (index: number) => string; amount?: number };

const json = { "content-type": "application/json", "sec-fetch-site": "same-origin" };
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

function browse(): Request {
  return { method: "GET", path: () => "/catalogue" };
}

const fridge = { refrigerator, configuration: defaultConfiguration(refrigerator) };

function configure(): Request {
  const body = JSON.stringify({ productId: fridge.refrigerator.id, configuration: fridge.configuration, quantity: 1, country: "SE" });
  return { method: "POST", path: () => "/api/promise", headers: () => json, body: () => body };
}

function placeOrders(fixtures: Fixtures): Request {
  const address = { name: "Load Buyer", line1: "Testvägen 1", postalCode: "111 22", city: "Stockholm", country: "SE" };
  const items = [{ productId: fridge.refrigerator.id, configuration: fridge.configuration, quantity: 1 }];
  return {
    method: "POST",
    path: () => "/api/orders",
    headers: (index) => ({ ...json, cookie: fixtures.consumerCookies[index % fixtures.consumerCookies.length]! }),
    body: () => JSON.stringify({ idempotencyKey: `load-${randomUUID()}`, items, shippingAddress: address, contact: { email: "load@example.test" } }),
  };
}

/** Takes the next unanswered request each time, so every call is a real first confirmation. */
let nextRequest = 0;
function supplierConfirm(fixtures: Fixtures): Request {
  const body = JSON.stringify({ action: "confirm", promisedDate: inDays(12) });
  return {
    method: "POST",
    path: () => `/api/parts-requests/${fixtures.pendingRequests[nextRequest++ % fixtures.pendingRequests.length]}/responses`,
    headers: () => ({ ...json, cookie: fixtures.supplierCookie }),
    body: () => body,
  };
}

async function warmUp(app: AppProcess, fixtures: Fixtures) {
  for (const request of [browse(), configure(), placeOrders(fixtures), supplierConfirm(fixtures)]) {
    for (let index = 0; index < 3; index++) {
      const response = await fetch(`${app.url}${request.path(index)}`, { method: request.method, headers: request.headers?.(index), body: request.body?.(index) });
      if (response.status >= 300) throw new Error(`warm-up ${request.method} ${request.path(index)}: ${response.status} ${(await response.text()).slice(0, 300)}`);
    }
  }
}

async function http(app: AppProcess, name: string, connections: number, request: Request, options: { timeoutSeconds?: number } = {}): Promise<Line> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let index = 0;
  let peakRss = rssMiB(app.pid) ?? 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMiB(app.pid) ?? 0)), 250);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: app.url,
        connections,
        duration: SECONDS,
        timeout: options.timeoutSeconds ?? 10,
        requests: [
          {
            method: request.method,
            setupRequest: (raw) => {
              const at = index++;
              return { ...raw, method: request.method, path: request.path(at), headers: request.headers?.(at) ?? {}, body: request.body?.(at) };
            },
          },
        ],
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
      latencies.push(responseTime);
    });
  });
  clearInterval(sampler);
  if (result.timeouts > 0) statuses.timeout = result.timeouts;
  if (result.errors - result.timeouts > 0) statuses.error = result.errors - result.timeouts;
  const ok = Object.entries(statuses).filter(([status]) => /^2\d\d$/.test(status)).reduce((sum, [, count]) => sum + count, 0);
  const shed = (statuses["503"] ?? 0) + (statuses["429"] ?? 0);
  const answered = latencies.length;
  return { name, connections, requests: answered, seconds: result.duration || SECONDS, latencies, errors: answered - ok + result.errors, shed, statuses, rssMb: peakRss || null };
}

async function agents(app: AppProcess, fixtures: Fixtures, name: string): Promise<Line> {
  const { AgentLink } = await import("../../scripts/line-agent/agent-link");
  // The agents' store-and-forward logs in memory when possible: their disk is not what is measured.
  const stateRoot = mkdtempSync(path.join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "tailorline-load-agents-"));
  const links = [];
  const latencies: number[] = [];
  let refused = 0;
  let peakRss = rssMiB(app.pid) ?? 0;
  try {
    for (const line of fixtures.lines) {
      const link = await AgentLink.open({ url: app.url, lineId: line.id, token: line.token, stateDirectory: path.join(stateRoot, line.code) });
      const sentAt = new Map<number, number>();
      link.on("sent", (seq: number) => sentAt.set(seq, performance.now()));
      link.on("acked", (seq: number) => {
        const sent = sentAt.get(seq);
        if (sent !== undefined) latencies.push(performance.now() - sent);
        sentAt.delete(seq);
      });
      link.on("refused", () => refused++);
      const born = new Promise((resolve) => link.once("born", resolve));
      link.connect();
      await born;
      links.push(link);
    }
    const started = performance.now();
    let flip = 0;
    while (performance.now() - started < SECONDS * 1000) {
      for (const link of links) {
        if (link.unacked().length < 200) await link.publish(Array.from({ length: 10 }, () => ({ type: "status" as const, status: flip++ % 2 ? ("idle" as const) : ("running" as const) })));
      }
      peakRss = Math.max(peakRss, rssMiB(app.pid) ?? 0);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const deadline = performance.now() + 30_000;
    while (links.some((link) => link.unacked().length > 0) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const seconds = (performance.now() - started) / 1000;
    const unacked = links.reduce((sum, link) => sum + link.unacked().length, 0);
    return { name, connections: `${links.length} agents`, requests: latencies.length, seconds, latencies, errors: refused + unacked, shed: 0, statuses: { acked: latencies.length, refused, unacked }, rssMb: peakRss || null };
  } finally {
    for (const link of links) await link.shutdown();
    rmSync(stateRoot, { recursive: true, force: true });
  }
}

function combine(name: string, parts: Line[]): Line {
  const latencies = parts.flatMap((part) => part.latencies);
  const seconds = Math.max(...parts.map((part) => part.seconds));
  return {
    name,
    connections: "all",
    requests: parts.reduce((sum, part) => sum + part.requests, 0),
    seconds,
    latencies,
    errors: parts.reduce((sum, part) => sum + part.errors, 0),
    shed: parts.reduce((sum, part) => sum + part.shed, 0),
    statuses: {},
    rssMb: Math.max(...parts.map((part) => part.rssMb ?? 0)) || null,
  };
}

function format(line: Line): string {
  const ms = (p: number) => (line.latencies.length ? percentile(line.latencies, p).toFixed(0) : "-");
  const rate = (line.requests / line.seconds).toFixed(1);
  const statuses = Object.keys(line.statuses).length ? ` answers=${JSON.stringify(line.statuses)}` : "";
  return `${line.name.padEnd(24)} conns=${String(line.connections).padEnd(9)} req/s=${rate.padStart(7)} p50_ms=${ms(50)} p95_ms=${ms(95)} p99_ms=${ms(99)} errors=${line.errors} shed=${line.shed} rss_mb=${line.rssMb ?? "?"}${statuses}`;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error("bench:load failed:", error);
    process.exit(1);
  },
);
