import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { AgentLink, type NewEvent } from "@/scripts/line-agent/agent-link";
import { createUser, uniqueSuffix } from "../support/factories";
import { applianceOrder } from "../support/order-fixtures";
import { sessionCookieFor } from "../support/session-cookie";
import { agentAuth, birthOf, createFactory, createOrderWithJobs, issueToken, queueJobs, type Factory } from "../integration/agents/agent-fixtures";
import { api, closeSockets, connected, liveSocket, record, startTestCluster, waitFor, type TestCluster } from "./support/cluster";

/**
 * Process A dies (SIGKILL) in the middle of a burst of orders and agent events, behind the sticky
 * proxy, with process B alive. Nothing committed may be lost or doubled, and every client ends
 * with the right state — the ones that lived on B, and the ones that reconnect from A.
 */
let cluster: TestCluster;
const stateRoot = mkdtempSync(path.join(tmpdir(), "tailorline-cluster-crash-"));
const links: AgentLink[] = [];
const extraSockets: Socket[] = [];

beforeAll(async () => {
  cluster = await startTestCluster({ processes: 2, proxy: true, env: { LINE_SWEEP_INTERVAL_MS: "500" } });
});
afterEach(async () => {
  closeSockets();
  for (const socket of extraSockets.splice(0)) socket.disconnect();
  for (const link of links.splice(0)) await link.shutdown();
  // A test that failed before restarting what it killed must not fail the next ones.
  for (const app of cluster?.apps ?? []) if (app.child.exitCode !== null || app.child.signalCode !== null) await cluster.restart(app.index);
});
afterAll(async () => {
  await cluster?.close();
  rmSync(stateRoot, { recursive: true, force: true });
});

/** What a board shows: line patches merged as they come, everything refetched on a (non-recovered) connect. */
function boardClient(url: string, cookie: string, manufacturerId: string, pinnedTo: number) {
  const lastSeq = new Map<string, number>();
  const online = new Map<string, boolean>();
  // The proxy's stickiness cookie, as a browser sent to that process holds it.
  const socket = liveSocket(url, `tl_upstream=${pinnedTo}; ${cookie}`, { reconnection: true, reconnectionDelay: 200, reconnectionDelayMax: 1_000 });
  let connects = 0;
  let refetching = Promise.resolve();
  const refetch = () => {
    refetching = refetching.then(async () => {
      const response = await api(cluster.proxy!.url, "GET", "/api/lines", cookie);
      if (response.status !== 200) return refetch();
      for (const line of response.body.lines as Array<{ id: string; lastSeq: number; online: boolean }>) {
        lastSeq.set(line.id, Math.max(lastSeq.get(line.id) ?? 0, line.lastSeq));
        online.set(line.id, line.online);
      }
    });
  };
  socket.on("connect", () => {
    connects++;
    if (!socket.recovered) {
      socket.emit("join", { room: `manufacturer:${manufacturerId}` });
      refetch();
    }
  });
  socket.on("line.updated", (patch: { lineId: string; lastSeq?: number; online?: boolean }) => {
    if (patch.lastSeq !== undefined) lastSeq.set(patch.lineId, Math.max(lastSeq.get(patch.lineId) ?? 0, patch.lastSeq));
    if (patch.online !== undefined) online.set(patch.lineId, patch.online);
  });
  return { socket, lastSeq, online, connects: () => connects, settled: () => refetching };
}

/** A consumer's order list: placed orders arrive as events on the user's room; refetched on connect. */
function ordersClient(url: string, consumer: { id: string; cookie: string }, pinnedTo: number) {
  const known = new Set<string>();
  const socket = liveSocket(url, `tl_upstream=${pinnedTo}; ${consumer.cookie}`, { reconnection: true, reconnectionDelay: 200, reconnectionDelayMax: 1_000 });
  let connects = 0;
  socket.on("connect", async () => {
    connects++;
    const response = await api(cluster.proxy!.url, "GET", "/api/orders", consumer.cookie);
    for (const order of (response.body.orders as Array<{ id: string }> | undefined) ?? []) known.add(order.id);
  });
  socket.on("order.placed", (payload: { orderId: string }) => known.add(payload.orderId));
  return { socket, known, connects: () => connects };
}

function* lineEvents(jobIds: string[]): Generator<NewEvent> {
  for (const jobId of jobIds) {
    yield { type: "job_started", jobId };
    for (let i = 1; i <= 30; i++) yield { type: "job_progress", jobId, percent: (i * 100) / 31, good: 0, scrap: 0 };
    yield { type: "job_completed", jobId, good: 1, scrap: 0 };
  }
  for (let i = 0; ; i++) yield { type: "status", status: i % 2 ? "idle" : "running" };
}

async function agentFor(factory: Factory, line: { id: string }, url: string) {
  const { token } = await issueToken(factory, line.id);
  const link = await AgentLink.open({ url, lineId: line.id, token, stateDirectory: path.join(stateRoot, `${line.id}-${uniqueSuffix()}`) });
  links.push(link);
  const born = new Promise((resolve) => link.once("born", resolve));
  link.connect();
  await born;
  return link;
}

describe("a process dies", () => {
  it("during a burst of orders and agent events: every committed order and event is in the database exactly once, and every client ends right", async () => {
    const [a, b] = cluster.apps;
    const proxy = cluster.proxy!;
    const factory = await createFactory(6);
    const jobsByLine = new Map<string, string[]>();
    for (const line of factory.lines) {
      const { jobs } = await createOrderWithJobs(factory, 3, 30);
      await queueJobs(factory, line.id, jobs.map((job) => job.id));
      jobsByLine.set(line.id, jobs.map((job) => job.id));
    }
    const demoPlanner = await db.user.findUniqueOrThrow({ where: { email: "planner@tailorline.test" } });
    const consumers = await Promise.all([1, 2, 3].map(() => createUser("consumer", null)));
    const startId = (await db.outboxEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;

    // Watchers on B, connected throughout: they must see every event of their rooms.
    const watchers = [
      { room: `manufacturer:${factory.manufacturer.id}`, socket: liveSocket(b!.url, factory.planner.cookie) },
      { room: `manufacturer:${demoPlanner.organizationId}`, socket: liveSocket(b!.url, await sessionCookieFor(demoPlanner)) },
    ].map((watcher) => ({ ...watcher, seen: record(watcher.socket) }));
    for (const watcher of watchers) {
      await connected(watcher.socket);
      expect(await watcher.socket.emitWithAck("join", { room: watcher.room })).toMatchObject({ ok: true });
    }
    // Browsers behind the proxy: half of them on A.
    const boards = [0, 0, 1, 1].map((pinnedTo) => boardClient(proxy.url, factory.planner.cookie, factory.manufacturer.id, pinnedTo));
    const orderLists = consumers.map((consumer, index) => ordersClient(proxy.url, consumer, index % 2));
    await Promise.all([...boards.map((board) => connected(board.socket)), ...orderLists.map((list) => connected(list.socket))]);

    // Agents through the proxy: round-robin puts some on each process.
    const agents = await Promise.all(factory.lines.map((line) => agentFor(factory, line, proxy.url)));
    const agentConnects = agents.map(() => 0);
    agents.forEach((agent, index) => agent.on("connected", () => agentConnects[index]!++));
    const generators = factory.lines.map((line) => lineEvents(jobsByLine.get(line.id)!));

    // The burst: agents report 20 events/s each; consumers place orders one after another,
    // retrying with the same idempotency key whatever goes wrong — for the burst, and at least
    // two each (on a loaded machine one order can take seconds).
    const keys = new Map<string, string[]>();
    let placing = true;
    const placed = consumers.map(async (consumer) => {
      keys.set(consumer.id, []);
      while (placing || keys.get(consumer.id)!.length < 2) {
        const order = applianceOrder({ idempotencyKey: `crash-${randomUUID()}` });
        keys.get(consumer.id)!.push(order.idempotencyKey);
        for (let attempt = 0; ; attempt++) {
          const outcome = await api(proxy.url, "POST", "/api/orders", consumer.cookie, order).catch(() => ({ status: 0, body: {} }));
          if (outcome.status === 201 || outcome.status === 200) break;
          if (attempt > 50) throw new Error(`order ${order.idempotencyKey} never went through (last status ${outcome.status})`);
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }
    });
    const started = Date.now();
    let killed = false;
    while (Date.now() - started < 7_000) {
      await Promise.all(agents.map((agent, index) => agent.publish([generators[index]!.next().value as NewEvent, generators[index]!.next().value as NewEvent])));
      if (!killed && Date.now() - started > 2_500) {
        await a!.kill();
        killed = true;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    placing = false;
    await Promise.all(placed);
    await waitFor(() => agents.every((agent) => agent.unacked().length === 0), 30_000, "every agent event acknowledged");

    // The database: each agent event exactly once, in seq order; each order exactly once.
    for (const [index, agent] of agents.entries()) {
      const line = factory.lines[index]!;
      const stored = await db.lineEvent.aggregate({ where: { lineId: line.id }, _count: { _all: true }, _max: { seq: true }, _min: { seq: true } });
      expect(stored, `line ${line.code}`).toMatchObject({ _count: { _all: agent.lastSeq }, _max: { seq: agent.lastSeq }, _min: { seq: 1 } });
      expect((await db.line.findUniqueOrThrow({ where: { id: line.id } })).lastSeq).toBe(agent.lastSeq);
    }
    const allKeys = [...keys.values()].flat();
    expect(allKeys.length).toBeGreaterThan(consumers.length);
    const orders = await db.order.findMany({ where: { idempotencyKey: { in: allKeys } }, select: { id: true, idempotencyKey: true, consumerId: true } });
    expect(orders.map((order) => order.idempotencyKey).sort()).toEqual([...allKeys].sort());

    // Every event was dispatched, and the watchers on B got every one of their rooms' events.
    await waitFor(async () => (await db.outboxEvent.count({ where: { id: { gt: startId }, dispatchedAt: null } })) === 0, 15_000, "the outbox drained");
    for (const watcher of watchers) {
      const expected = await db.outboxEvent.findMany({ where: { id: { gt: startId }, rooms: { has: watcher.room } }, select: { id: true } });
      expect(expected.length).toBeGreaterThan(0);
      const received = await waitFor(() => {
        const ids = new Set(watcher.seen.map((entry) => entry.payload.eventId));
        return expected.every((row) => ids.has(String(row.id))) && ids;
      }, 10_000, `every event of ${watcher.room} on B`).catch(() => new Set(watcher.seen.map((entry) => entry.payload.eventId)));
      expect(expected.filter((row) => !received.has(String(row.id))).map((row) => String(row.id)), `events of ${watcher.room} lost`).toEqual([]);
    }

    const duplicates = watchers.map((watcher) => watcher.seen.length - new Set(watcher.seen.map((entry) => entry.payload.eventId)).size);
    console.info(`crash burst: ${allKeys.length} orders, ${agents.reduce((sum, agent) => sum + agent.lastSeq, 0)} agent events, ${agentConnects.filter((count) => count > 0).length}/${agents.length} agents moved to B, events seen twice by the watchers: ${duplicates.join(", ")}`);

    // The agents and browsers that were on A came back through the proxy, to B.
    expect(agentConnects.some((count) => count > 0)).toBe(true);
    expect(boards.slice(0, 2).map((board) => board.connects() > 1)).toEqual([true, true]);
    expect(orderLists[0]!.connects()).toBeGreaterThan(1);
    const finalLines = await db.line.findMany({ where: { manufacturerId: factory.manufacturer.id }, select: { id: true, lastSeq: true, online: true } });
    for (const board of boards) {
      await waitFor(() => board.socket.connected, 15_000, "a board reconnected");
      await waitFor(() => finalLines.every((line) => board.lastSeq.get(line.id) === line.lastSeq), 15_000, "a board caught up");
      await board.settled();
      for (const line of finalLines) expect(board.online.get(line.id)).toBe(true);
    }
    for (const [index, list] of orderLists.entries()) {
      const mine = orders.filter((order) => order.consumerId === consumers[index]!.id).map((order) => order.id);
      await waitFor(() => list.socket.connected && mine.every((id) => list.known.has(id)), 15_000, "a consumer's order list caught up");
    }
    expect(finalLines.every((line) => line.online)).toBe(true);

    // B's sweeper may have taken a line of A offline before its agent was back (this file sweeps
    // every 500 ms, so its grace is a second; in production it is 10–20 s), never a line whose
    // agent stayed connected to B.
    const offlineLines = () => watchers[0]!.seen.filter((entry) => entry.event === "line.offline").map((entry) => entry.payload.lineId);
    const stayedOnB = factory.lines.filter((_line, index) => agentConnects[index] === 0).map((line) => line.id);
    expect(stayedOnB.length).toBeGreaterThan(0);
    expect(offlineLines().filter((lineId) => stayedOnB.includes(lineId as string))).toEqual([]);

    // A comes back; starting does not take B's lines offline.
    const offlineBeforeRestart = offlineLines().length;
    await cluster.restart(0);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await db.line.count({ where: { manufacturerId: factory.manufacturer.id, online: false } })).toBe(0);
    expect(offlineLines().slice(offlineBeforeRestart)).toEqual([]);
  });

  it("a line whose agent was on the dead process and does not come back is taken offline by the survivor", async () => {
    const [a, b] = cluster.apps;
    const factory = await createFactory(1);
    const line = factory.lines[0]!;
    const { token } = await issueToken(factory, line.id);
    const board = liveSocket(b!.url, factory.planner.cookie);
    const seen = record(board);
    await connected(board);
    await board.emitWithAck("join", { room: `manufacturer:${factory.manufacturer.id}` });

    const agent = connect(`${a!.url}/agent`, { transports: ["websocket"], auth: agentAuth(line.id, token), reconnection: false, forceNew: true });
    extraSockets.push(agent);
    await connected(agent);
    expect(await agent.emitWithAck("birth", birthOf())).toMatchObject({ ok: true });
    await waitFor(async () => (await db.line.findUniqueOrThrow({ where: { id: line.id } })).online, 5_000, "online");

    await a!.kill();
    const offline = await waitFor(() => seen.find((entry) => entry.event === "line.offline" && entry.payload.lineId === line.id), 15_000, "line.offline from B's sweeper");
    expect(offline.payload.reason).toMatch(/app process stopped/);
    expect((await db.line.findUniqueOrThrow({ where: { id: line.id } })).online).toBe(false);
    await cluster.restart(0);
  });

  it("a graceful restart: browsers move to the other process and recover their session there, missing nothing", async () => {
    const [a] = cluster.apps;
    const proxy = cluster.proxy!;
    const consumer = await createUser("consumer", null);
    const order = await db.order.create({
      data: {
        number: `TL-T-${uniqueSuffix()}`, consumerId: consumer.id, manufacturerId: (await createFactory(0)).manufacturer.id, currency: "EUR", totalPrice: 100,
        shippingAddress: {}, contact: {}, idempotencyKey: uniqueSuffix() + uniqueSuffix(), requestHash: "h",
      },
    });
    const room = `order:${order.id}`;
    // Pinned to A by the proxy's cookie, as a browser that was sent there would be.
    const socket = connect(`${proxy.url}/live`, { transports: ["websocket"], extraHeaders: { cookie: `tl_upstream=${a!.index}; ${consumer.cookie}` }, reconnectionDelay: 200, forceNew: true });
    extraSockets.push(socket);
    const seen = record(socket);
    await connected(socket);
    expect(await socket.emitWithAck("join", { room })).toMatchObject({ ok: true });
    const emit = (marker: string) => db.$transaction((tx) => tx.outboxEvent.create({ data: { type: "probe", rooms: [room], payload: { marker } } }));
    await emit("before");
    await waitFor(() => seen.some((entry) => entry.payload.marker === "before"), 10_000, "the first event");

    const reconnected = new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    const stopping = a!.stop();
    await new Promise((resolve) => socket.once("disconnect", resolve));
    await emit("while-away-1");
    await emit("while-away-2");
    await stopping;
    await reconnected;
    expect(socket.recovered).toBe(true);
    await emit("after");
    await waitFor(() => seen.some((entry) => entry.payload.marker === "after"), 10_000, "the event after recovery");
    expect(seen.filter((entry) => entry.event === "probe").map((entry) => entry.payload.marker)).toEqual(expect.arrayContaining(["before", "while-away-1", "while-away-2", "after"]));
    expect(seen.some((entry) => entry.event === "live.resync")).toBe(false);
    await cluster.restart(0);
  });
});
