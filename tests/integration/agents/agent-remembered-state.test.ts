import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventAck } from "@/lib/core/line-protocol";
import { db } from "@/lib/server/db";
import { connectOutcome } from "../../support/socket-server";
import { agentAuth, birthOf, createFactory, createJob, createOrderWithJobs, issueToken, queueJobs, startAgentServer, waitFor, type Factory } from "./agent-fixtures";

/**
 * The ingestor decides a line's next events on the line's and jobs' states it remembers from its
 * own last commit, and its one statement commits them only if those states still hold. These
 * tests change the rows behind its back (as a planner, another process or an admin would) and
 * check that the events are then decided on what is stored — never on what was remembered.
 */
let server: Awaited<ReturnType<typeof startAgentServer>>;
beforeAll(async () => {
  server = await startAgentServer();
});
afterAll(async () => {
  await server.close();
});

const at = () => new Date().toISOString();
const send = (socket: Socket, event: Record<string, unknown>) => socket.emitWithAck("event", event) as Promise<EventAck>;

async function bornAgent(factory: Factory, lineId: string) {
  const { token } = await issueToken(factory, lineId);
  const socket = server.rawAgent(agentAuth(lineId, token));
  socket.on("queue", (queue: { planVersion: number }, ack: (reply: unknown) => void) => ack({ planVersion: queue.planVersion }));
  expect(await connectOutcome(socket)).toBe("connected");
  expect(await socket.emitWithAck("birth", birthOf())).toMatchObject({ ok: true });
  return socket;
}

describe("events decided on remembered state", () => {
  it("refuses progress on a job moved to another line since the agent's last event, and stores nothing of it", async () => {
    const factory = await createFactory(2);
    const [line, other] = factory.lines;
    const job = await createJob(factory);
    await queueJobs(factory, line!.id, [job.id]);
    const socket = await bornAgent(factory, line!.id);
    expect(await send(socket, { seq: 1, at: at(), type: "job_started", jobId: job.id })).toMatchObject({ ok: true });
    expect(await send(socket, { seq: 2, at: at(), type: "job_progress", jobId: job.id, percent: 10, good: 1, scrap: 0 })).toMatchObject({ ok: true });

    await db.productionJob.update({ where: { id: job.id }, data: { lineId: other!.id, status: "queued", startedAt: null, progress: 0, version: { increment: 1 } } });
    expect(await send(socket, { seq: 3, at: at(), type: "job_progress", jobId: job.id, percent: 20, good: 2, scrap: 0 })).toMatchObject({ ok: false, seq: 3, error: { code: "JOB_NOT_ON_LINE" } });
    expect((await db.lineEvent.findMany({ where: { lineId: line!.id }, orderBy: { seq: "asc" } })).map((event) => event.seq)).toEqual([1, 2]);
    expect(await db.productionJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ lineId: other!.id, status: "queued", progress: 0, goodCount: 1 });
    socket.disconnect();
  });

  it("keeps a line status another writer set, and the counts another writer raised, when the next events come", async () => {
    const factory = await createFactory();
    const line = factory.lines[0]!;
    const job = await createJob(factory);
    await queueJobs(factory, line.id, [job.id]);
    const socket = await bornAgent(factory, line.id);
    await send(socket, { seq: 1, at: at(), type: "status", status: "running" });
    await send(socket, { seq: 2, at: at(), type: "job_started", jobId: job.id });
    await send(socket, { seq: 3, at: at(), type: "job_progress", jobId: job.id, percent: 10, good: 1, scrap: 0 });

    await db.line.update({ where: { id: line.id }, data: { status: "maintenance", statusReason: "planned service" } });
    await db.productionJob.update({ where: { id: job.id }, data: { goodCount: 5, version: { increment: 1 } } });
    // Counts never decrease: decided on the stored 5, 3 is refused; on the remembered 1 it would pass.
    expect(await send(socket, { seq: 4, at: at(), type: "job_progress", jobId: job.id, percent: 20, good: 3, scrap: 0 })).toMatchObject({ ok: false, error: { code: "INVALID_TRANSITION" } });
    expect(await send(socket, { seq: 5, at: at(), type: "job_progress", jobId: job.id, percent: 30, good: 6, scrap: 0 })).toEqual({ ok: true, seq: 5, duplicate: false });
    expect(await db.line.findUniqueOrThrow({ where: { id: line.id } })).toMatchObject({ status: "maintenance", statusReason: "planned service", lastSeq: 5 });
    expect(await db.productionJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ progress: 30, goodCount: 6 });
    socket.disconnect();
  });

  it("takes a batch of events in one message through the remembered path: stored once, in order, order progress and the board's patches with it", async () => {
    const factory = await createFactory();
    const line = factory.lines[0]!;
    const { order, jobs } = await createOrderWithJobs(factory, 1);
    await queueJobs(factory, line.id, [jobs[0]!.id]);
    const board = server.live(factory.planner.cookie);
    await connectOutcome(board);
    expect(await board.emitWithAck("join", { room: `manufacturer:${factory.manufacturer.id}` })).toMatchObject({ ok: true });
    const socket = await bornAgent(factory, line.id);
    const jobId = jobs[0]!.id;
    await send(socket, { seq: 1, at: at(), type: "job_started", jobId });

    const seen: Array<{ lineId: string; lastSeq?: number }> = [];
    board.on("line.updated", (patch: { lineId: string; lastSeq?: number }) => seen.push(patch));
    const events = [2, 3, 4].map((seq) => ({ seq, at: at(), type: "job_progress", jobId, percent: seq * 10, good: seq, scrap: 0 }));
    const reply = (await socket.emitWithAck("events", { events: [...events, events[0]] })) as { ok: boolean; results: EventAck[] };
    expect(reply.results).toEqual([
      { ok: true, seq: 2, duplicate: false }, { ok: true, seq: 3, duplicate: false }, { ok: true, seq: 4, duplicate: false }, { ok: true, seq: 2, duplicate: true },
    ]);
    await waitFor(async () => seen.some((patch) => patch.lineId === line.id && patch.lastSeq === 4), 5_000, "the board's patch");
    expect((await db.lineEvent.findMany({ where: { lineId: line.id }, orderBy: { seq: "asc" } })).map((event) => event.seq)).toEqual([1, 2, 3, 4]);
    const updates = await db.outboxEvent.findMany({ where: { type: "order.updated", rooms: { has: `order:${order.id}` } }, orderBy: { id: "asc" } });
    expect(updates.at(-1)!.payload).toMatchObject({ orderId: order.id, status: "in_production", progress: 40 });
    socket.disconnect();
  });
});
