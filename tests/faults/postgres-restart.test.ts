import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/server/db";
import { writeSecurityReport } from "../security/support/security-report";
import { applianceOrder } from "../support/order-fixtures";
import { resumePostgres, stopPostgres } from "./support/postgres-server";
import { consumerWithCookie, request, sleep, startFaultApp, type Answer, type FaultApp } from "./support/fault-app";

/**
 * PostgreSQL goes away under load (stopped with its connections cut, as in a failover) and comes
 * back. While it is gone every request is answered at once — 503 DATABASE_UNAVAILABLE with
 * Retry-After, never a hang or a 500 — and health says the database is down; once it is back the
 * same app process (no restart) serves again, with every acknowledged order kept.
 */
let world: FaultApp;
const OUTAGE_MS = 4_000;

beforeAll(async () => {
  world = await startFaultApp();
});
afterAll(async () => {
  await world?.close();
});

describe("PostgreSQL restarted under load", () => {
  it("requests fail cleanly while it is down and succeed again after, without restarting the app", async () => {
    const { dir, port } = inject("faultsPostgres");
    const consumers = await Promise.all([1, 2, 3].map(() => consumerWithCookie()));
    const pid = world.app.pid;
    const answers: Array<{ phase: "before" | "down" | "after"; path: string; answer: Answer }> = [];
    const acknowledged: string[] = [];
    let phase: "before" | "down" | "after" = "before";
    let running = true;

    // A request that saw the outage at its start or its end belongs to the outage.
    const timed = async (path: string, send: () => Promise<Answer>) => {
      const startedIn = phase;
      const answer = await send();
      answers.push({ phase: startedIn === phase ? phase : "down", path, answer });
      return answer;
    };
    // Readers and order placers, back to back, for the whole run.
    const loops = consumers.flatMap((consumer) => [
      (async () => {
        while (running) await timed("GET /api/orders", () => request(world.app.url, "GET", "/api/orders", consumer.cookie));
      })(),
      (async () => {
        while (running) {
          const order = applianceOrder({ idempotencyKey: `pg-${randomUUID()}` });
          const answer = await timed("POST /api/orders", () => request(world.app.url, "POST", "/api/orders", consumer.cookie, order));
          if (answer.status === 201) acknowledged.push(order.idempotencyKey);
          else await sleep(100);
        }
      })(),
    ]);

    await sleep(2_000);
    // The outage starts when the stop does: connections are cut while pg_ctl is still waiting.
    phase = "down";
    await stopPostgres(dir);
    const outageStarted = Date.now();
    let healthDown: Answer | undefined;
    while (Date.now() - outageStarted < OUTAGE_MS) {
      healthDown ??= await request(world.app.url, "GET", "/api/health", null);
      await sleep(200);
    }
    await resumePostgres(dir, port);
    const resumedAt = Date.now();
    // Recovery: the first successful read and order after PostgreSQL is back, by the same process.
    let recoveredAfterMs: number | null = null;
    for (;;) {
      const [read, health] = await Promise.all([request(world.app.url, "GET", "/api/orders", consumers[0]!.cookie), request(world.app.url, "GET", "/api/health", null)]);
      if (read.status === 200 && health.status === 200) {
        recoveredAfterMs = Date.now() - resumedAt;
        break;
      }
      if (Date.now() - resumedAt > 30_000) break;
      await sleep(200);
    }
    phase = "after";
    await sleep(2_000);
    running = false;
    await Promise.all(loops);

    expect(world.app.child.exitCode, "the app process is still running").toBeNull();
    expect(world.app.pid).toBe(pid);
    expect(recoveredAfterMs, "the app serves again within 30 s of PostgreSQL's return").not.toBeNull();

    // While it was down: answers, promptly, and clean ones.
    expect(healthDown).toMatchObject({ status: 503, body: { ok: false, database: { ok: false } } });
    const down = answers.filter((entry) => entry.phase === "down");
    expect(down.length).toBeGreaterThan(0);
    const unclean = down.filter(({ answer }) => answer.status !== 200 && answer.status !== 201 && !(answer.status === 503 && answer.code === "DATABASE_UNAVAILABLE" && answer.retryAfter));
    expect(unclean.map(({ path, answer }) => `${path}: ${JSON.stringify(answer).slice(0, 300)}`)).toEqual([]);
    expect(down.filter(({ answer }) => answer.status === 503).length).toBeGreaterThan(0);
    const slowest = Math.max(...down.map(({ answer }) => answer.ms));
    expect(slowest, "no request waited on the dead database").toBeLessThan(10_000);

    // Before and after: everything served.
    const failedBefore = answers.filter((entry) => entry.phase === "before" && entry.answer.status !== 200 && entry.answer.status !== 201);
    expect(failedBefore.map(({ path, answer }) => `${path}: ${JSON.stringify(answer).slice(0, 200)}`)).toEqual([]);
    const after = answers.filter((entry) => entry.phase === "after");
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter(({ answer }) => answer.status !== 200 && answer.status !== 201).map(({ path, answer }) => `${path}: ${JSON.stringify(answer).slice(0, 200)}`)).toEqual([]);

    // Every order acknowledged at any time is stored.
    expect(await db.order.count({ where: { idempotencyKey: { in: acknowledged } } })).toBe(acknowledged.length);
    writeSecurityReport("faults-postgres-restart", {
      outageMs: OUTAGE_MS,
      answersWhileDown: down.length,
      cleanRefusalsWhileDown: down.filter(({ answer }) => answer.status === 503).length,
      slowestWhileDownMs: Math.round(slowest),
      recoveredAfterMs,
      ordersAcknowledged: acknowledged.length,
    });
  });
});
