import fc from "fast-check";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventAck, LineQueue } from "@/lib/core/line-protocol";
import { db } from "@/lib/server/db";
import { expireUnfinishedCommands } from "@/lib/server/lines/expire-unfinished-commands";
import { sendLineCommand } from "@/lib/server/lines/send-line-command";
import { connectOutcome, nextEvent } from "../../support/socket-server";
import { agentAuth, birthOf, createFactory, createJob, createOrderWithJobs, issueToken, queueJobs, startAgentServer, waitFor, type Factory } from "./agent-fixtures";

// A small budget so the flood test needs few messages; read when the namespace starts.
process.env.AGENT_MAX_MESSAGES_PER_SECOND = "60";

let server: Awaited<ReturnType<typeof startAgentServer>>;
beforeAll(async () => {
  server = await startAgentServer();
});
afterAll(async () => {
  await server.close();
});

const at = (offsetMs = 0) => new Date(Date.now() + offsetMs).toISOString();

/** A connected, born agent socket that answers queues with their plan version. */
async function bornAgent(factory: Factory, lineId: string, options: { answerCommands?: boolean } = {}) {
  const { token } = await issueToken(factory, lineId);
  const socket = server.rawAgent(agentAuth(lineId, token));
  const queues: LineQueue[] = [];
  socket.on("queue", (queue: LineQueue, ack: (reply: unknown) => void) => {
    queues.push(queue);
    ack({ planVersion: queue.planVersion });
  });
  if (options.answerCommands) socket.on("command", (command: { correlationId: string }, ack: (reply: unknown) => void) => ack({ correlationId: command.correlationId, outcome: "accepted" }));
  expect(await connectOutcome(socket)).toBe("connected");
  expect(await socket.emitWithAck("birth", birthOf())).toMatchObject({ ok: true });
  return { socket, queues };
}

const send = (socket: Socket, event: Record<string, unknown>) => socket.emitWithAck("event", event) as Promise<EventAck>;

describe("agent events", () => {
  it("pushes the queue at birth and after publishing, and records the acknowledged plan version", async () => {
    const factory = await createFactory();
    const line = factory.lines[0]!;
    const { jobs } = await createOrderWithJobs(factory, 2);
    const { socket, queues } = await bornAgent(factory, line.id);
    await waitFor(async () => queues.length === 1, 5_000, "queue at birth");
    expect(queues[0]).toMatchObject({ planVersion: 0, jobs: [] });
    const published = await queueJobs(factory, line.id, jobs.map((job) => job.id));
    expect(published.push).toEqual({ delivered: true, planVersion: 1, acked: true });
    expect(queues[1]!.jobs.map((job) => job.id)).toEqual(jobs.map((job) => job.id));
    expect(queues[1]!.jobs[0]).toMatchObject({ state: "allowed_to_start", product: { name: "Test fridge", type: "fridge" }, keyOptions: [{ group: "door", value: "french" }, { group: "colour", value: "steel" }], quantity: 1 });
    expect(await db.line.findUniqueOrThrow({ where: { id: line.id } })).toMatchObject({ ackedPlanVersion: 1, online: true });
    const plan = await db.plan.findFirstOrThrow({ where: { manufacturerId: factory.manufacturer.id, version: 1 }, include: { assignments: true } });
    expect(plan.assignments).toHaveLength(2);
    socket.disconnect();
  });

  it("persists a job's life on the line and drives the order into production, then to completed", async () => {
    const factory = await createFactory();
    const line = factory.lines[0]!;
    const { order, jobs } = await createOrderWithJobs(factory, 2);
    await queueJobs(factory, line.id, jobs.map((job) => job.id));
    const { socket } = await bornAgent(factory, line.id);
    const [first, second] = jobs;
    expect(await send(socket, { seq: 1, at: at(), type: "job_started", jobId: first!.id })).toEqual({ ok: true, seq: 1, duplicate: false });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("in_production");
    await send(socket, { seq: 2, at: at(), type: "status", status: "running" });
    await send(socket, { seq: 3, at: at(), type: "job_progress", jobId: first!.id, percent: 50, good: 0, scrap: 1 });
    await send(socket, { seq: 4, at: at(), type: "job_completed", jobId: first!.id, good: 1, scrap: 1 });
    await send(socket, { seq: 5, at: at(), type: "job_started", jobId: second!.id });
    expect(await send(socket, { seq: 6, at: at(), type: "job_completed", jobId: second!.id, good: 1, scrap: 0 })).toMatchObject({ ok: true });
    expect(await db.productionJob.findUniqueOrThrow({ where: { id: first!.id } })).toMatchObject({ status: "done", progress: 100, goodCount: 1, scrapCount: 1 });
    const finished = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(finished.status).toBe("completed");
    expect(finished.completedAt).not.toBeNull();
    expect((await db.lineEvent.findMany({ where: { lineId: line.id }, orderBy: { seq: "asc" } })).map((event) => event.type)).toEqual([
      "job_started", "status", "job_progress", "job_completed", "job_started", "job_completed",
    ]);
    expect(await db.line.findUniqueOrThrow({ where: { id: line.id } })).toMatchObject({ lastSeq: 6, status: "running" });
    const orderEvents = await db.outboxEvent.findMany({ where: { type: "order.updated", rooms: { has: `order:${order.id}` } }, orderBy: { id: "asc" } });
    expect(orderEvents.at(-1)!.payload).toMatchObject({ orderId: order.id, status: "completed", progress: 100 });
    socket.disconnect();
  });

  it("acks replayed events as duplicates and stores each seq once", async () => {
    const factory = await createFactory();
    const line = factory.lines[0]!;
    const { socket } = await bornAgent(factory, line.id);
    expect(await send(socket, { seq: 1, at: at(), type: "status", status: "down", reason: "jam" })).toEqual({ ok: true, seq: 1, duplicate: false });
    expect(await send(socket, { seq: 1, at: at(), type: "status", status: "running" })).toEqual({ ok: true, seq: 1, duplicate: true });
    await send(socket, { seq: 7, at: at(), type: "status", status: "idle" });
    expect(await send(socket, { seq: 5, at: at(), type: "status", status: "running" })).toEqual({ ok: true, seq: 5, duplicate: true });
    const stored = await db.lineEvent.findMany({ where: { lineId: line.id }, orderBy: { seq: "asc" } });
    expect(stored.map((event) => [event.seq, (event.payload as { status: string }).status])).toEqual([[1, "down"], [7, "idle"]]);
    socket.disconnect();
  });

  it("refuses events about another line's job, impossible transitions and times far in the future — storing nothing", async () => {
    const factory = await createFactory(2);
    const [line, other] = factory.lines;
    const mine = await createJob(factory);
    const theirs = await createJob(factory);
    await queueJobs(factory, line!.id, [mine.id]);
    await queueJobs(factory, other!.id, [theirs.id]);
    const { socket } = await bornAgent(factory, line!.id);
    expect(await send(socket, { seq: 1, at: at(), type: "job_started", jobId: theirs.id })).toMatchObject({ ok: false, seq: 1, error: { code: "JOB_NOT_ON_LINE", retryable: false } });
    expect(await send(socket, { seq: 2, at: at(), type: "job_completed", jobId: mine.id, good: 1, scrap: 0 })).toMatchObject({ ok: false, error: { code: "INVALID_TRANSITION" } });
    expect(await send(socket, { seq: 3, at: at(86_400_000), type: "status", status: "running" })).toMatchObject({ ok: false, error: { code: "EVENT_IN_FUTURE" } });
    expect(await send(socket, { seq: 4, at: at(), type: "job_started", jobId: "not-a-job" })).toMatchObject({ ok: false, error: { code: "JOB_NOT_ON_LINE" } });
    expect(await db.lineEvent.count({ where: { lineId: line!.id } })).toBe(0);
    expect((await db.productionJob.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe("queued");
    // A refused event does not block the ones after it.
    expect(await send(socket, { seq: 5, at: at(), type: "job_started", jobId: mine.id })).toMatchObject({ ok: true, seq: 5 });
    socket.disconnect();
  });

  it("refuses events before birth, oversize and malformed payloads with clear codes, and never crashes (fuzzed)", async () => {
    const factory = await createFactory();
    const line = factory.lines[0]!;
    const { token } = await issueToken(factory, line.id);
    const socket = server.rawAgent(agentAuth(line.id, token));
    await connectOutcome(socket);
    expect(await send(socket, { seq: 1, at: at(), type: "status", status: "idle" })).toMatchObject({ ok: false, error: { code: "BIRTH_REQUIRED", retryable: true } });
    await socket.emitWithAck("birth", birthOf());
    expect(await send(socket, { seq: 1, at: at(), type: "status", status: "idle", reason: "x".repeat(5_000) })).toMatchObject({ ok: false, error: { code: "MESSAGE_TOO_LARGE" } });
    expect(await socket.emitWithAck("event", "not an object")).toMatchObject({ ok: false, error: { code: "MALFORMED_MESSAGE" } });
    expect(await send(socket, { seq: 1, at: at(), type: "status", status: "exploding" })).toMatchObject({ ok: false, seq: 1, error: { code: "MALFORMED_MESSAGE" } });

    const arbitraryEvent = fc.oneof(
      fc.anything(),
      fc.record({ seq: fc.oneof(fc.integer(), fc.double(), fc.string()), at: fc.oneof(fc.string(), fc.constant(at())), type: fc.constantFrom("status", "job_progress", "job_started", "job_failed"), jobId: fc.string(), percent: fc.double(), good: fc.integer(), scrap: fc.integer(), status: fc.string(), extra: fc.anything() }, { requiredKeys: [] }),
    );
    const samples = fc.sample(arbitraryEvent, { numRuns: 40, seed: 7 });
    for (const payload of samples) {
      const reply = (await socket.timeout(2_000).emitWithAck("event", payload)) as EventAck;
      expect(reply.ok === false || reply.ok === true).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 20)); // stay within the message budget
    }
    expect(socket.connected).toBe(true);
    expect(await send(socket, { seq: 100, at: at(), type: "status", status: "idle" })).toMatchObject({ ok: true });
    socket.disconnect();
  });

  it("rate-limits a flood, asks for a resend from the first refused seq, and cuts a sustained flood", async () => {
    const factory = await createFactory();
    const line = factory.lines[0]!;
    const { socket } = await bornAgent(factory, line.id);
    const replies = await Promise.all(Array.from({ length: 100 }, (_, i) => send(socket, { seq: i + 1, at: at(), type: "status", status: i % 2 ? "idle" : "running" })));
    const refused = replies.filter((reply) => !reply.ok);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]).toMatchObject({ error: { code: "RATE_LIMITED", retryable: true } });
    const firstRefused = refused[0]!.seq!;
    // Nothing past the first refused seq was stored: the line's events stay in order.
    const stored = await db.lineEvent.findMany({ where: { lineId: line.id }, orderBy: { seq: "asc" }, select: { seq: true } });
    expect(stored.map((event) => event.seq)).toEqual(Array.from({ length: firstRefused - 1 }, (_, i) => i + 1));
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await send(socket, { seq: firstRefused + 1, at: at(), type: "status", status: "idle" })).toMatchObject({ ok: false, error: { code: "RESEND_REQUIRED" } });
    expect(await send(socket, { seq: firstRefused, at: at(), type: "status", status: "idle" })).toMatchObject({ ok: true, seq: firstRefused });
    // A sustained flood (twice the budget inside a second) ends the connection and is audited.
    const cut = nextEvent<string>(socket, "disconnect", 5_000);
    for (let i = 0; i < 200; i++) socket.emit("event", { seq: 1_000 + i, at: at(), type: "status", status: "idle" }, () => {});
    expect(await cut).toBe("io server disconnect");
    await waitFor(() => db.auditLog.findFirst({ where: { action: "agent.flood", targetId: line.id } }), 5_000, "flood audit");
  });

  it("refuses a batch past the seq to resend from without spending the budget the resent batch needs", async () => {
    const factory = await createFactory();
    const line = factory.lines[0]!;
    const { socket } = await bornAgent(factory, line.id);
    const batch = (from: number, count: number) => ({ events: Array.from({ length: count }, (_, i) => ({ seq: from + i, at: at(), type: "status", status: "idle" })) });
    const sendBatch = (from: number, count: number) => socket.emitWithAck("events", batch(from, count)) as Promise<{ ok: true; results: EventAck[] }>;
    // A budget of 60 a second: 50 pass, the next 50 do not, and the agent must resend from 51.
    expect((await sendBatch(1, 50)).results.every((result) => result.ok)).toBe(true);
    expect((await sendBatch(51, 50)).results[0]).toMatchObject({ ok: false, seq: 51, error: { code: "RATE_LIMITED" } });
    // The rest of the agent's window, sent before it heard of the refusal: refused for order.
    expect((await sendBatch(101, 10)).results.every((result) => !result.ok && result.error.code === "RESEND_REQUIRED")).toBe(true);
    // …and free: the 10 tokens left are still there for the resend from 51 (charged, they were
    // gone, and a resent window's tail kept eating what its head waited for).
    expect((await sendBatch(51, 10)).results.every((result) => result.ok)).toBe(true);
    const stored = await db.lineEvent.findMany({ where: { lineId: line.id }, orderBy: { seq: "asc" }, select: { seq: true } });
    expect(stored.map((event) => event.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    socket.disconnect();
  });

  it("gives up on an accepted command that never comes back done — says so to the planner — and still takes a late done", async () => {
    const factory = await createFactory();
    const line = factory.lines[0]!;
    const job = await createJob(factory);
    await queueJobs(factory, line.id, [job.id]);
    const { socket } = await bornAgent(factory, line.id, { answerCommands: true });
    const command = await sendLineCommand(factory.planner.actor, line.id, { kind: "start", jobId: job.id }, null);
    expect(command).toMatchObject({ status: "accepted" });

    expect(await expireUnfinishedCommands(60_000)).toBe(0); // accepted a moment ago: still waiting
    await db.lineCommand.update({ where: { id: command.id }, data: { answeredAt: new Date(Date.now() - 61_000) } });
    expect(await expireUnfinishedCommands(60_000)).toBe(1);
    expect(await expireUnfinishedCommands(60_000)).toBe(0); // announced once
    const expired = await db.lineCommand.findUniqueOrThrow({ where: { id: command.id } });
    expect(expired).toMatchObject({ status: "timed_out" });
    expect(expired.reason).toMatch(/did not report it done within 1 min/);
    const announced = await db.outboxEvent.findMany({ where: { type: "line.command" }, orderBy: { createdAt: "asc" } });
    expect(announced.filter((event) => (event.payload as { commandId?: string }).commandId === command.id).map((event) => (event.payload as { status: string }).status)).toEqual(["accepted", "timed_out"]);

    await send(socket, { seq: 1, at: at(), type: "job_started", jobId: job.id, correlationId: command.id });
    expect(await db.lineCommand.findUniqueOrThrow({ where: { id: command.id } })).toMatchObject({ status: "done" });
    socket.disconnect();
  });

  it("answers a planner's command with accepted, then done when the event carrying its correlation id is stored", async () => {
    const factory = await createFactory();
    const line = factory.lines[0]!;
    const job = await createJob(factory);
    await queueJobs(factory, line.id, [job.id]);
    const offline = await sendLineCommand(factory.planner.actor, line.id, { kind: "start", jobId: job.id }, null);
    expect(offline).toMatchObject({ status: "rejected" });
    expect(offline.reason).toMatch(/^LINE_OFFLINE/);

    const { socket } = await bornAgent(factory, line.id, { answerCommands: true });
    const received = nextEvent<{ correlationId: string; kind: string; jobId: string }>(socket, "command");
    const command = await sendLineCommand(factory.planner.actor, line.id, { kind: "start", jobId: job.id }, null);
    expect(command).toMatchObject({ status: "accepted", kind: "start", jobId: job.id });
    expect(await received).toEqual({ correlationId: command.id, kind: "start", jobId: job.id });
    await send(socket, { seq: 1, at: at(), type: "job_started", jobId: job.id, correlationId: command.id });
    expect(await db.lineCommand.findUniqueOrThrow({ where: { id: command.id } })).toMatchObject({ status: "done" });
    expect(await db.auditLog.count({ where: { action: "line.command", targetId: line.id } })).toBe(2);
    socket.disconnect();
  });

  it("marks the line offline and notifies the planner's board when the agent disconnects", async () => {
    const factory = await createFactory();
    const line = factory.lines[0]!;
    const board = server.live(factory.planner.cookie);
    await connectOutcome(board);
    expect(await board.emitWithAck("join", { room: `manufacturer:${factory.manufacturer.id}` })).toMatchObject({ ok: true });
    const { socket } = await bornAgent(factory, line.id);
    const online = await waitFor(async () => (await db.line.findUniqueOrThrow({ where: { id: line.id } })).online, 2_000, "online");
    expect(online).toBe(true);
    const notified = nextEvent<{ lineId: string; reason: string }>(board, "line.offline");
    socket.disconnect();
    expect(await notified).toMatchObject({ lineId: line.id, reason: "client namespace disconnect" });
    expect((await db.line.findUniqueOrThrow({ where: { id: line.id } })).online).toBe(false);
  });
});
