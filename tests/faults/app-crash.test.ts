import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { AgentLink, type NewEvent } from "@/scripts/line-agent/agent-link";
import { writeSecurityReport } from "../security/support/security-report";
import { uniqueSuffix } from "../support/factories";
import { applianceOrder } from "../support/order-fixtures";
import { createFactory, createOrderWithJobs, issueToken, queueJobs } from "../integration/agents/agent-fixtures";
import { consumerWithCookie, request, sleep, startFaultApp, type FaultApp } from "./support/fault-app";

/**
 * kill -9 of the production server in the middle of work: a power cut or an OOM kill leaves no
 * chance to finish anything. After a restart, the database must hold only whole orders, every
 * order whose placement was acknowledged, and every acknowledged agent event exactly once.
 */
let world: FaultApp;
const agentState = mkdtempSync(path.join(tmpdir(), "tailorline-faults-agents-"));

beforeAll(async () => {
  world = await startFaultApp({ LINE_SWEEP_INTERVAL_MS: "500" });
});
afterAll(async () => {
  await world?.close();
  rmSync(agentState, { recursive: true, force: true });
});

/** An order is whole when everything placeOrder writes in its one transaction is there. */
async function halfWrittenOrders(keys: string[]): Promise<string[]> {
  const orders = await db.order.findMany({
    where: { idempotencyKey: { in: keys } },
    select: { id: true, idempotencyKey: true, items: { select: { quantity: true, _count: { select: { jobs: true } } } }, _count: { select: { events: true } } },
  });
  const placedEvents = await db.outboxEvent.findMany({ where: { type: "order.placed" }, select: { payload: true } });
  const announced = new Set(placedEvents.map((event) => (event.payload as { orderId?: string }).orderId));
  return orders
    .filter((order) => order.items.length !== 2 || order.items.some((item) => item._count.jobs !== item.quantity) || order._count.events === 0 || !announced.has(order.id))
    .map((order) => order.idempotencyKey);
}

describe("kill -9 of the app", () => {
  it("during order placement: no half-written order, every acknowledged order there once, the rest placeable again with the same key", async () => {
    const consumers = await Promise.all([1, 2, 3, 4].map(() => consumerWithCookie()));
    const acknowledged: string[] = [];
    const unanswered: Array<{ key: string; consumer: { cookie: string }; order: ReturnType<typeof applianceOrder> }> = [];
    const refused: string[] = [];
    let killed = false;
    // Each consumer places orders one after another until the server dies under them.
    const loops = consumers.map(async (consumer) => {
      while (!killed) {
        const order = applianceOrder({ idempotencyKey: `fault-${randomUUID()}` });
        const answer = await request(world.app.url, "POST", "/api/orders", consumer.cookie, order);
        if (answer.status === 201) acknowledged.push(order.idempotencyKey);
        else if (answer.status === "no-answer") unanswered.push({ key: order.idempotencyKey, consumer, order });
        else refused.push(`${answer.status} ${answer.code}`);
      }
    });
    while (acknowledged.length < 8) await sleep(50);
    const app = world.app;
    killed = true;
    await app.kill9();
    await Promise.all(loops);
    expect(refused).toEqual([]);
    // Four consumers always have a placement in flight: the kill cut them off mid-request.
    expect(unanswered.length).toBeGreaterThan(0);

    await world.restart();
    const keys = [...acknowledged, ...unanswered.map((entry) => entry.key)];
    expect(await halfWrittenOrders(keys)).toEqual([]);
    const stored = await db.order.findMany({ where: { idempotencyKey: { in: acknowledged } }, select: { idempotencyKey: true } });
    expect(stored.map((order) => order.idempotencyKey).sort()).toEqual([...acknowledged].sort());
    const committedUnanswered = await db.order.count({ where: { idempotencyKey: { in: unanswered.map((entry) => entry.key) } } });

    // The client that got no answer retries with the same key: one order, never two.
    for (const entry of unanswered) {
      const retry = await request(world.app.url, "POST", "/api/orders", entry.consumer.cookie, entry.order);
      expect([200, 201], `${entry.key}: ${JSON.stringify(retry)}`).toContain(retry.status);
    }
    const afterRetry = await db.order.groupBy({ by: ["idempotencyKey"], where: { idempotencyKey: { in: keys } }, _count: { _all: true } });
    expect(afterRetry).toHaveLength(keys.length);
    expect(afterRetry.every((group) => group._count._all === 1)).toBe(true);
    expect(await halfWrittenOrders(keys)).toEqual([]);
    writeSecurityReport("faults-kill-orders", { acknowledged: acknowledged.length, unansweredAtKill: unanswered.length, committedButUnanswered: committedUnanswered, halfWritten: 0 });
  });

  it("during agent bursts: every acknowledged event stored exactly once, and the agents' backlog lands after the restart", async () => {
    const factory = await createFactory(3);
    const agents: Array<{ link: AgentLink; lineId: string; events: Generator<NewEvent>; ackedBeforeKill: Set<number>; acked: Set<number>; duplicates: number }> = [];
    for (const line of factory.lines) {
      const { jobs } = await createOrderWithJobs(factory, 3, 30);
      await queueJobs(factory, line.id, jobs.map((job) => job.id));
      const { token } = await issueToken(factory, line.id);
      const link = await AgentLink.open({ url: world.app.url, lineId: line.id, token, stateDirectory: path.join(agentState, `${line.code}-${uniqueSuffix()}`) });
      const agent = { link, lineId: line.id, events: lineEvents(jobs.map((job) => job.id)), ackedBeforeKill: new Set<number>(), acked: new Set<number>(), duplicates: 0 };
      link.on("acked", (seq: number, duplicate: boolean) => {
        agent.acked.add(seq);
        if (duplicate) agent.duplicates++;
      });
      const born = new Promise((resolve) => link.once("born", resolve));
      link.connect();
      await born;
      agents.push(agent);
    }
    const next = (agent: (typeof agents)[number]) => agent.events.next().value as NewEvent;

    try {
      // Bursts of 5 events per line every 20 ms; the server dies after a second and a half of it.
      const started = Date.now();
      let killedAt = 0;
      while (Date.now() - started < 5_000) {
        await Promise.all(agents.map((agent) => agent.link.publish([next(agent), next(agent), next(agent), next(agent), next(agent)])));
        if (!killedAt && Date.now() - started > 1_500) {
          for (const agent of agents) for (const seq of agent.acked) agent.ackedBeforeKill.add(seq);
          await world.app.kill9();
          killedAt = Date.now();
        }
        await sleep(20);
      }
      // The agents kept their events while the server was dead; it comes back on the same port.
      await world.restart();
      const deadline = Date.now() + 60_000;
      while (agents.some((agent) => agent.link.unacked().length > 0)) {
        if (Date.now() > deadline) throw new Error(`agents still hold unacknowledged events: ${agents.map((agent) => agent.link.unacked().length).join(", ")}`);
        await sleep(100);
      }

      for (const agent of agents) {
        expect(agent.ackedBeforeKill.size, "events acknowledged before the kill").toBeGreaterThan(0);
        const rows = await db.lineEvent.findMany({ where: { lineId: agent.lineId }, select: { seq: true } });
        const seqs = rows.map((row) => row.seq);
        // Exactly once: no seq twice, none missing, and every one acknowledged before the kill among them.
        expect(new Set(seqs).size).toBe(seqs.length);
        expect(seqs.length).toBe(agent.link.lastSeq);
        expect(Math.max(...seqs)).toBe(agent.link.lastSeq);
        expect([...agent.ackedBeforeKill].filter((seq) => !seqs.includes(seq))).toEqual([]);
        expect((await db.line.findUniqueOrThrow({ where: { id: agent.lineId }, select: { lastSeq: true } })).lastSeq).toBe(agent.link.lastSeq);
      }
      writeSecurityReport("faults-kill-agents", {
        lines: agents.length,
        eventsStored: agents.reduce((sum, agent) => sum + agent.link.lastSeq, 0),
        ackedBeforeKill: agents.reduce((sum, agent) => sum + agent.ackedBeforeKill.size, 0),
        resentAfterRestartAlreadyStored: agents.reduce((sum, agent) => sum + agent.duplicates, 0),
      });
    } finally {
      for (const agent of agents) await agent.link.shutdown();
    }
  });
});

function* lineEvents(jobIds: string[]): Generator<NewEvent> {
  for (const jobId of jobIds) {
    yield { type: "job_started", jobId };
    for (let i = 1; i <= 40; i++) yield { type: "job_progress", jobId, percent: (i * 100) / 41, good: 0, scrap: 0 };
    yield { type: "job_completed", jobId, good: 1, scrap: 0 };
  }
  for (let i = 0; ; i++) yield { type: "status", status: i % 2 ? "idle" : "running" };
}
