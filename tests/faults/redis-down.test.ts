import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { AgentLink } from "@/scripts/line-agent/agent-link";
import { writeSecurityReport } from "../security/support/security-report";
import { uniqueSuffix } from "../support/factories";
import { sessionCookieFor } from "../support/session-cookie";
import { closeSockets, connected, liveSocket, record, waitFor } from "../cluster/support/cluster";
import { createFactory, createOrderWithJobs, issueToken, queueJobs } from "../integration/agents/agent-fixtures";
import { request, sleep, startFaultApp, type FaultApp } from "./support/fault-app";

/**
 * Redis (the fan-out between app processes, REDIS_URL) dies under a running app. The app keeps
 * serving the clients connected to it — API, new browser sockets, agents whose events are
 * acknowledged and stored — and /api/health says Redis is down while the database decides `ok`.
 * When Redis is back, health says so and the live updates held meanwhile reach the board, with no
 * restart of the app. (Live updates wait for Redis by design: the outbox claims rows only when
 * every process can get them, emit-outbox-rows.ts; so the board gets them late, never lost.)
 */
const REDIS_PORT = Number(process.env.FAULTS_REDIS_PORT ?? 6391);
let redis: ChildProcess | undefined;
let world: FaultApp;
const agentState = mkdtempSync(path.join(tmpdir(), "tailorline-faults-redis-"));

async function startRedis(): Promise<ChildProcess> {
  const child = spawn("redis-server", ["--port", String(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}): is port ${REDIS_PORT} taken?`);
    const { createConnection } = await import("node:net");
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection(REDIS_PORT, "127.0.0.1");
      socket.once("connect", () => {
        socket.end();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return child;
    if (Date.now() > deadline) throw new Error("redis-server did not listen within 10 s");
    await sleep(100);
  }
}

async function killRedis(): Promise<void> {
  if (!redis || redis.exitCode !== null || redis.signalCode !== null) return;
  const exited = new Promise((resolve) => redis!.once("exit", resolve));
  redis.kill("SIGKILL");
  await exited;
}

beforeAll(async () => {
  redis = await startRedis();
  world = await startFaultApp({ REDIS_URL: `redis://127.0.0.1:${REDIS_PORT}`, REDIS_KEY_PREFIX: `faults-${uniqueSuffix()}` });
});
afterAll(async () => {
  closeSockets();
  await world?.close();
  await killRedis();
  rmSync(agentState, { recursive: true, force: true });
});

describe("Redis down", () => {
  it("the app keeps serving its own process's clients, health says Redis is down, and then that it is back", async () => {
    const healthy = await request(world.app.url, "GET", "/api/health", null);
    expect(healthy).toMatchObject({ status: 200, body: { ok: true, redis: { ok: true } } });

    const factory = await createFactory(1);
    const line = factory.lines[0]!;
    const { jobs } = await createOrderWithJobs(factory, 2, 30);
    await queueJobs(factory, line.id, jobs.map((job) => job.id));
    const plannerCookie = await sessionCookieFor(factory.planner);
    const board = liveSocket(world.app.url, plannerCookie);
    const seen = record(board);
    await connected(board);
    expect(await board.emitWithAck("join", { room: `manufacturer:${factory.manufacturer.id}` })).toMatchObject({ ok: true });
    const { token } = await issueToken(factory, line.id);
    const agent = await AgentLink.open({ url: world.app.url, lineId: line.id, token, stateDirectory: path.join(agentState, line.code) });
    try {
      const born = new Promise((resolve) => agent.once("born", resolve));
      agent.connect();
      await born;

      await killRedis();
      const down = await waitFor(async () => {
        const health = await request(world.app.url, "GET", "/api/health", null);
        return health.status !== "no-answer" && (health.body.redis as { ok?: boolean } | undefined)?.ok === false && health;
      }, 15_000, "health to report Redis down");
      // The database decides `ok`: a process without Redis still serves.
      expect(down).toMatchObject({ status: 200, body: { ok: true, database: { ok: true }, redis: { ok: false } } });

      // Its API answers…
      const lines = await request(world.app.url, "GET", "/api/lines", plannerCookie);
      expect(lines.status).toBe(200);
      // …its agent's events are acknowledged and stored…
      const before = agent.lastSeq;
      await agent.publish([{ type: "job_started", jobId: jobs[0]!.id }, { type: "job_progress", jobId: jobs[0]!.id, percent: 50, good: 0, scrap: 0 }]);
      await waitFor(() => agent.unacked().length === 0, 10_000, "the agent's events acknowledged without Redis");
      expect(await db.lineEvent.count({ where: { lineId: line.id, seq: { gt: before } } })).toBe(2);
      const shownWhileDown = seen.some((entry) => entry.event === "line.updated" && (entry.payload.lastSeq as number) >= agent.lastSeq);
      // A browser arriving now connects and joins too.
      const late = liveSocket(world.app.url, plannerCookie);
      await connected(late);
      expect(await late.timeout(5_000).emitWithAck("join", { room: `manufacturer:${factory.manufacturer.id}` })).toMatchObject({ ok: true });

      redis = await startRedis();
      const back = await waitFor(async () => {
        const health = await request(world.app.url, "GET", "/api/health", null);
        return health.status === 200 && (health.body.redis as { ok?: boolean } | undefined)?.ok === true && health;
      }, 20_000, "health to report Redis back");
      expect(back).toMatchObject({ status: 200, body: { redis: { ok: true } } });
      // The events of the outage reach the board once Redis is back: late, not lost.
      const shown = await waitFor(() => seen.find((entry) => entry.event === "line.updated" && (entry.payload.lastSeq as number) >= agent.lastSeq), 20_000, "the board to get the outage's events").catch(() => undefined);
      expect(shown, `events on the board: ${seen.map((entry) => `${entry.event} ${JSON.stringify(entry.payload).slice(0, 80)}`).join("; ")}`).toBeDefined();
      expect(world.app.child.exitCode).toBeNull();
      writeSecurityReport("faults-redis-down", { healthWhileDown: down.status, eventsStoredWhileDown: 2, liveWhileDown: shownWhileDown, liveAfterRedisBack: true });
    } finally {
      await agent.shutdown();
    }
  });
});
