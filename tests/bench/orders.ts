/**
 * `npm run bench:orders` — orders placed concurrently through the HTTP API (3-item carts), on
 * the embedded database, or on PostgreSQL when TEST_DATABASE_URL points at a server (the
 * benchmark makes its own database from the seeded template there).
 * Prints: `orders placed/s=… p95_ms=…` (plus the back end, requests and errors).
 * Options (env): BENCH_SECONDS (default 15), BENCH_CONNECTIONS (default 16), BENCH_POOL (the
 * server's database connections; default the app's own), BENCH_STOCK (every
 * part's stock on hand: with plenty, every order reserves — and locks — the same part rows; by
 * default the demo's stock, gone after a few dozen orders).
 */
import autocannon from "autocannon";
import { randomUUID } from "node:crypto";
import { availableParallelism } from "node:os";
import { encode } from "next-auth/jwt";
import { evaluate } from "../../lib/core/configurator/evaluate";
import { refrigerator, washingMachine } from "../../lib/core/configurator/examples";
import { createTestDatabase, prepareTemplate } from "../support/test-database";
import { percentile, startBenchServer } from "./bench-server";
import { machineCpuSeconds, postgresCpuSeconds, processCpuSeconds } from "./support/cpu-time";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const AUTH_SECRET = "bench-secret-0123456789abcdef0123456789";
const CONSUMERS = 20;
const STOCK = process.env.BENCH_STOCK === undefined ? null : Number(process.env.BENCH_STOCK);

async function createConsumers(databaseUrl: string): Promise<string[]> {
  process.env.DATABASE_URL = databaseUrl;
  const { db, disconnectDatabase } = await import("../../lib/server/db");
  const template = await db.user.findUniqueOrThrow({ where: { email: "consumer@tailorline.test" } });
  const ids: string[] = [];
  for (let i = 0; i < CONSUMERS; i++) {
    const user = await db.user.create({ data: { email: `bench-${randomUUID()}@example.test`, name: `Bench ${i}`, role: "consumer", passwordHash: template.passwordHash } });
    ids.push(user.id);
  }
  if (STOCK !== null) await db.part.updateMany({ data: { onHand: STOCK, reserved: 0 } });
  await disconnectDatabase();
  return Promise.all(ids.map(async (id) => `authjs.session-token=${await encode({ token: { sub: id, uid: id, sv: 1 }, secret: AUTH_SECRET, salt: "authjs.session-token", maxAge: 3600 })}`));
}

function cartItems() {
  const fridge = evaluate(refrigerator, {}).configuration;
  const black = evaluate(refrigerator, { finish: "black-steel" }).configuration;
  const washer = evaluate(washingMachine, {}).configuration;
  return [
    { productId: refrigerator.id, configuration: fridge, quantity: 1 },
    { productId: refrigerator.id, configuration: black, quantity: 1 },
    { productId: washingMachine.id, configuration: washer, quantity: 1 },
  ];
}

async function main() {
  const template = await prepareTemplate();
  const database = await createTestDatabase(template, true);
  const cookies = await createConsumers(database.url);
  // The server as deployed: its own connection pool (DATABASE_POOL_SIZE, 10) unless BENCH_POOL says
  // otherwise. No placement holds a connection between its statements, so requests in flight
  // need not have one each; more connections than cores only add backends taking turns.
  const server = await startBenchServer({ port: 3210, databaseUrl: database.url, authSecret: AUTH_SECRET, env: process.env.BENCH_POOL ? { DATABASE_POOL_SIZE: process.env.BENCH_POOL } : {} });
  const items = cartItems();
  const address = { name: "Bench Buyer", line1: "Testvägen 1", postalCode: "111 22", city: "Stockholm", country: "SE" };
  const body = () => JSON.stringify({ idempotencyKey: `bench-${randomUUID()}`, items, shippingAddress: address, contact: { email: "bench@example.test" } });
  let next = 0;
  const headers = () => ({ "content-type": "application/json", origin: server.url, host: new URL(server.url).host, cookie: cookies[next++ % cookies.length]! });

  try {
    for (let i = 0; i < 10; i++) {
      const warm = await fetch(`${server.url}/api/orders`, { method: "POST", headers: headers(), body: body() });
      if (warm.status !== 201) throw new Error(`warm-up order failed: ${warm.status} ${await warm.text()}`);
    }
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    const adminUrl = template.kind === "postgres" ? template.adminUrl : null;
    const cpuBefore = { server: processCpuSeconds(server.pid), bench: process.cpuUsage(), machine: machineCpuSeconds(), postgres: adminUrl ? await postgresCpuSeconds(adminUrl) : 0 };
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: `${server.url}/api/orders`,
          connections: CONNECTIONS,
          duration: SECONDS,
          requests: [{ method: "POST", setupRequest: (request) => ({ ...request, headers: headers(), body: body() }) }],
        },
        (error, finished) => (error ? reject(error) : resolve(finished)),
      );
      instance.on("response", (_client, statusCode, _bytes, responseTime) => {
        statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
        if (statusCode === 201) latencies.push(responseTime);
      });
    });
    const placed = statuses.get(201) ?? 0;
    const benchUsage = process.cpuUsage(cpuBefore.bench);
    const cpuMs = (seconds: number) => ((1000 * seconds) / Math.max(1, placed)).toFixed(1);
    const errors = [...statuses].filter(([status]) => status !== 201).reduce((sum, [, count]) => sum + count, 0) + result.errors + result.timeouts;
    const backend = template.kind === "postgres" ? "postgresql" : "pglite";
    console.log(`backend=${backend} connections=${CONNECTIONS} seconds=${SECONDS}${STOCK === null ? "" : ` stock=${STOCK}`} requests=${result.requests.total} errors=${errors}`);
    console.log(`orders placed/s=${(placed / (result.duration || SECONDS)).toFixed(1)} p95_ms=${percentile(latencies, 95).toFixed(0)}`);
    // CPU per order: the server process (its worker threads included), PostgreSQL, this client; and the machine's busy share.
    const machineBusy = (machineCpuSeconds() - cpuBefore.machine) / ((result.duration || SECONDS) * availableParallelism());
    console.log(
      `cpu_ms_per_order server=${cpuMs(processCpuSeconds(server.pid) - cpuBefore.server)}` +
        (adminUrl ? ` postgres=${cpuMs((await postgresCpuSeconds(adminUrl)) - cpuBefore.postgres)}` : "") +
        ` client=${cpuMs((benchUsage.user + benchUsage.system) / 1e6)} machine_busy=${(100 * machineBusy).toFixed(0)}% of ${availableParallelism()} cores`,
    );
    if (errors > 0) {
      console.error(`non-201 answers: ${JSON.stringify(Object.fromEntries(statuses))}`);
      process.exitCode = 1;
    }
  } finally {
    await server.stop();
    await database.drop();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
