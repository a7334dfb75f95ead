import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { AgentLink } from "@/scripts/line-agent/agent-link";
import { createUser } from "../support/factories";
import { applianceOrder } from "../support/order-fixtures";
import { createFactory, createOrderWithJobs, issueToken, queueJobs } from "../integration/agents/agent-fixtures";
import { api, closeSockets, connected, liveSocket, record, startTestCluster, waitFor, type TestCluster } from "./support/cluster";

/**
 * Two app processes, A and B, on one PostgreSQL and one Redis. What happens on one is seen live
 * by browsers connected to the other.
 */
let cluster: TestCluster;
const stateRoot = mkdtempSync(path.join(tmpdir(), "tailorline-cluster-agents-"));
const links: AgentLink[] = [];

beforeAll(async () => {
  cluster = await startTestCluster({ processes: 2 });
});
afterEach(async () => {
  closeSockets();
  for (const link of links.splice(0)) await link.shutdown();
});
afterAll(async () => {
  await cluster?.close();
  rmSync(stateRoot, { recursive: true, force: true });
});

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe("realtime across processes", () => {
  it("a supplier confirms on process A; the consumer connected to process B sees it live", async () => {
    const [a, b] = cluster.apps;
    const consumer = await createUser("consumer", null);
    const placed = await api(a!.url, "POST", "/api/orders", consumer.cookie, applianceOrder());
    expect(placed.status).toBe(201);
    const orderId = (placed.body.order as { id: string }).id;

    const tracking = liveSocket(b!.url, consumer.cookie);
    const seen = record(tracking);
    await connected(tracking);
    expect(await tracking.emitWithAck("join", { room: `order:${orderId}` })).toEqual({ ok: true, room: `order:${orderId}` });

    const requests = await db.partsRequest.findMany({ where: { orderId }, select: { id: true, supplierId: true } });
    expect(requests.length).toBeGreaterThan(0);
    // The first supplier also watches its inbox on B.
    const supplierUser = await createUser("supplier", requests[0]!.supplierId);
    const inbox = liveSocket(b!.url, supplierUser.cookie);
    const inboxSeen = record(inbox);
    await connected(inbox);
    expect(await inbox.emitWithAck("join", { room: `supplier:${requests[0]!.supplierId}` })).toMatchObject({ ok: true });

    for (const request of requests) {
      const supplier = request.supplierId === requests[0]!.supplierId ? supplierUser : await createUser("supplier", request.supplierId);
      const answered = await api(a!.url, "POST", `/api/parts-requests/${request.id}/responses`, supplier.cookie, { action: "confirm", promisedDate: inDays(5) });
      expect(answered.status).toBe(200);
    }

    const confirmed = await waitFor(() => seen.find((entry) => entry.event === "order.updated" && entry.payload.status === "parts_confirmed"), 10_000, "parts_confirmed on B");
    expect(confirmed.payload).toMatchObject({ orderId, status: "parts_confirmed" });
    expect(typeof confirmed.payload.eventId).toBe("string");
    await waitFor(() => inboxSeen.some((entry) => entry.event === "parts-request.updated"), 10_000, "the supplier's inbox update on B");
    // Each committed event reached B once: one process emitted it.
    const ids = seen.map((entry) => entry.payload.eventId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(await db.outboxEvent.count({ where: { rooms: { has: `order:${orderId}` }, dispatchedAt: null } })).toBe(0);
  });

  it("an agent connected to A, the planner's board on B: status and progress arrive, and a command from B reaches the agent on A", async () => {
    const [a, b] = cluster.apps;
    const factory = await createFactory(1);
    const line = factory.lines[0]!;
    const { token } = await issueToken(factory, line.id);
    const { jobs } = await createOrderWithJobs(factory, 2);
    await queueJobs(factory, line.id, jobs.map((job) => job.id));

    const board = liveSocket(b!.url, factory.planner.cookie);
    const seen = record(board);
    await connected(board);
    expect(await board.emitWithAck("join", { room: `manufacturer:${factory.manufacturer.id}` })).toMatchObject({ ok: true });

    const link = await AgentLink.open({ url: a!.url, lineId: line.id, token, stateDirectory: path.join(stateRoot, line.id) });
    links.push(link);
    link.onCommand((command) => ({ correlationId: command.correlationId, outcome: "accepted" }));
    const queued = new Promise((resolve) => link.once("queue", resolve));
    const born = new Promise((resolve) => link.once("born", resolve));
    link.connect();
    await born;
    expect(await queued).toMatchObject({ jobs: expect.arrayContaining([expect.objectContaining({ id: jobs[0]!.id })]) });
    await waitFor(() => seen.some((entry) => entry.event === "line.updated" && entry.payload.lineId === line.id && entry.payload.online === true), 10_000, "online on B");

    await link.publish([
      { type: "status", status: "running" },
      { type: "job_started", jobId: jobs[0]!.id },
      { type: "job_progress", jobId: jobs[0]!.id, percent: 40, good: 0, scrap: 0 },
    ]);
    const progress = await waitFor(() => seen.find((entry) => entry.event === "job.updated" && entry.payload.jobId === jobs[0]!.id && entry.payload.progress === 40), 10_000, "progress on B");
    expect(progress.payload).toMatchObject({ lineId: line.id, status: "running" });
    await waitFor(() => seen.some((entry) => entry.event === "line.updated" && entry.payload.lineId === line.id && entry.payload.status === "running"), 10_000, "status on B");

    // The planner on B pauses the job: the command crosses to A, the agent answers, B records it.
    const command = await api(b!.url, "POST", `/api/lines/${line.id}/commands`, factory.planner.cookie, { kind: "pause", jobId: jobs[0]!.id });
    expect(command.status).toBe(202);
    expect(command.body.command).toMatchObject({ kind: "pause", status: "accepted" });
    await waitFor(() => seen.some((entry) => entry.event === "line.command" && entry.payload.status === "accepted"), 10_000, "the command's answer on B");
  });
});
