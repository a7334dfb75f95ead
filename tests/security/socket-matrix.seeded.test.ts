import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventAck } from "@/lib/core/line-protocol";
import { db } from "@/lib/server/db";
import { createLineCredential } from "@/lib/server/lines/create-line-credential";
import { resetAgentAuthFailures } from "@/lib/server/lines/authenticate-line-agent";
import { queueJobsOnLine } from "@/lib/server/lines/queue-jobs-on-line";
import { revokeLineCredential } from "@/lib/server/lines/revoke-line-credential";
import { socketServer } from "@/lib/server/realtime/live-hub";
import { agentAuth, birthOf, startAgentServer } from "../integration/agents/agent-fixtures";
import { connectOutcome } from "../support/socket-server";
import { SOCKET_MATRIX } from "./route-matrix";
import { freshTargets } from "./support/fresh-targets";
import { ACTOR_KEYS, buildWorld, type ActorKey, type World } from "./support/security-world";
import { writeSecurityReport } from "./support/security-report";

/**
 * The socket half of the matrix: which namespaces and client events exist (discovered from the
 * running server), who may join which room — and, stronger, who receives what is sent to it —
 * and which agent may speak for which line. Every agent handshake, accepted or refused, is in
 * the audit log with its line, time and address.
 */
let server: Awaited<ReturnType<typeof startAgentServer>>;
let world: World;
let cells = 0;
const RESERVED = new Set(["disconnect", "disconnecting", "error", "newListener", "removeListener"]);
const USERS = ACTOR_KEYS.filter((key): key is Exclude<ActorKey, "anonymous"> => key !== "anonymous");

beforeAll(async () => {
  server = await startAgentServer();
  world = await buildWorld();
});
afterAll(async () => {
  await server?.close();
  writeSecurityReport("socket-matrix", { events: Object.keys(SOCKET_MATRIX).length, cells });
});

const at = () => new Date().toISOString();
const ack = <T>(socket: Socket, event: string, payload: unknown) => socket.timeout(5_000).emitWithAck(event, payload) as Promise<T>;

describe("the socket matrix covers the server", () => {
  it("every namespace and client event the server listens to has an entry, and every entry is served", async () => {
    const live = server.live(world.users.consumer.cookie);
    const agent = server.rawAgent(agentAuth(world.lineA.id, world.tokenA));
    expect(await Promise.all([connectOutcome(live), connectOutcome(agent)])).toEqual(["connected", "connected"]);
    const io = socketServer()!;
    const served: string[] = [];
    for (const [name, namespace] of io._nsps) {
      if (name === "/") continue;
      served.push(`${name} connection`);
      const socket = [...namespace.sockets.values()][0];
      expect(socket, `no socket connected to ${name}`).toBeDefined();
      for (const event of socket!.eventNames()) if (typeof event === "string" && !RESERVED.has(event)) served.push(`${name} ${event}`);
    }
    const inMatrix = Object.keys(SOCKET_MATRIX);
    expect({ missingFromMatrix: served.filter((key) => !inMatrix.includes(key)).sort(), staleInMatrix: inMatrix.filter((key) => !served.includes(key)).sort() }).toEqual({ missingFromMatrix: [], staleInMatrix: [] });
    live.disconnect();
    agent.disconnect();
  });
});

describe("/live: connection, join and leave as every actor", () => {
  it("refuses anonymous and forged sessions", async () => {
    expect(await connectOutcome(server.live("authjs.session-token=forged"))).toMatchObject({ code: "UNAUTHENTICATED" });
    cells++;
  });

  it("lets each actor join exactly the rooms the policy allows, and delivers a room's events to no one else", async () => {
    const rooms: Record<string, { room: string; allowed: ActorKey[] }> = {
      "A's order (consumer's)": { room: `order:${world.orderA.id}`, allowed: ["consumer", "adminA", "plannerA"] },
      "A's board": { room: `manufacturer:${world.manufacturerA.id}`, allowed: ["adminA", "plannerA"] },
      "A's line": { room: `line:${world.lineA.id}`, allowed: ["adminA", "plannerA"] },
      "supplier A's inbox": { room: `supplier:${world.supplierOrgA.id}`, allowed: ["supplierA", "supplierAdminA"] },
      "the consumer's own room": { room: `user:${world.users.consumer.id}`, allowed: ["consumer"] },
      "a missing order": { room: `order:${freshTargets(world).missingId()}`, allowed: [] },
      "a missing line": { room: `line:${freshTargets(world).missingId()}`, allowed: [] },
    };
    const sockets = new Map<ActorKey, Socket>();
    const received = new Map<string, Set<ActorKey>>();
    for (const actor of USERS) {
      const socket = server.live(world.users[actor].cookie);
      expect(await connectOutcome(socket), actor).toBe("connected");
      socket.on("matrix-probe", (payload: { room: string }) => {
        if (!received.has(payload.room)) received.set(payload.room, new Set());
        received.get(payload.room)!.add(actor);
      });
      sockets.set(actor, socket);
    }
    const problems: string[] = [];
    for (const [label, { room, allowed }] of Object.entries(rooms)) {
      for (const actor of USERS) {
        cells++;
        const reply = await ack<{ ok: boolean; error?: { code: string } }>(sockets.get(actor)!, "join", { room });
        const joined = reply.ok;
        if (joined !== allowed.includes(actor)) problems.push(`${actor} joining ${label}: ${joined ? "allowed" : "refused"}`);
        if (!joined && reply.error?.code !== "ROOM_NOT_FOUND") problems.push(`${actor} joining ${label}: refusal ${reply.error?.code} is not ROOM_NOT_FOUND`);
      }
      socketServer()!.of("/live").to(room).emit("matrix-probe", { room });
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const [label, { room, allowed }] of Object.entries(rooms)) {
      const got = [...(received.get(room) ?? [])].sort();
      if (JSON.stringify(got) !== JSON.stringify([...allowed].sort())) problems.push(`${label}: delivered to ${got.join(", ") || "nobody"}, expected ${allowed.join(", ") || "nobody"}`);
    }

    // Malformed joins are refused by shape; leave only ever removes.
    for (const payload of [null, "order", { room: 42 }, { room: "x".repeat(500) }, { room: "nope:1" }]) {
      cells++;
      expect(await ack<{ ok: boolean; error: { code: string } }>(sockets.get("consumer")!, "join", payload)).toMatchObject({ ok: false, error: { code: "INVALID_ROOM" } });
    }
    const planner = sockets.get("plannerA")!;
    planner.emit("leave", { room: `manufacturer:${world.manufacturerA.id}` });
    await ack(planner, "join", { room: `line:${world.lineA.id}` }); // a round trip: the leave has been handled
    received.clear();
    socketServer()!.of("/live").to(`manufacturer:${world.manufacturerA.id}`).emit("matrix-probe", { room: "after-leave" });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect([...(received.get("after-leave") ?? [])]).toEqual(["adminA"]);
    cells++;
    for (const socket of sockets.values()) socket.disconnect();
    expect(problems).toEqual([]);
  });
});

describe("/agent: which agent may speak for which line", () => {
  it("refuses every forged, revoked, unknown or malformed handshake, and audits each outcome with line, time and address", async () => {
    resetAgentAuthFailures();
    const lineB = await db.line.findFirstOrThrow({ where: { manufacturerId: world.manufacturerB.id } });
    const revoked = await createLineCredential(world.users.adminA.actor, world.lineA.id, { label: "to revoke" }, null);
    await revokeLineCredential(world.users.adminA.actor, world.lineA.id, revoked.credential.id, null);
    const cases: Array<{ label: string; auth: unknown; code: string | "connected"; targetId: string | null }> = [
      { label: "line A with its own token", auth: agentAuth(world.lineA.id, world.tokenA), code: "connected", targetId: world.lineA.id },
      { label: "line B's id with line A's token (forgery)", auth: agentAuth(lineB.id, world.tokenA), code: "TOKEN_INVALID", targetId: lineB.id },
      { label: "line A with a revoked token", auth: agentAuth(world.lineA.id, revoked.token), code: "TOKEN_REVOKED", targetId: world.lineA.id },
      { label: "a line that does not exist", auth: agentAuth(freshTargets(world).missingId(), world.tokenA), code: "LINE_UNKNOWN", targetId: null },
      { label: "a malformed handshake", auth: { lineId: world.lineA.id }, code: "AGENT_AUTH_MALFORMED", targetId: null },
      { label: "another protocol version", auth: { ...agentAuth(world.lineA.id, world.tokenA), protocol: 2 }, code: "AGENT_PROTOCOL_UNSUPPORTED", targetId: null },
    ];
    for (const attempt of cases) {
      cells++;
      const since = new Date(Date.now() - 1_000);
      const socket = server.rawAgent(attempt.auth as Record<string, unknown>);
      const outcome = await connectOutcome(socket);
      expect(outcome === "connected" ? "connected" : outcome.code, attempt.label).toBe(attempt.code);
      const audit = await db.auditLog.findFirst({ where: { action: "agent.auth", at: { gte: since } }, orderBy: { id: "desc" } });
      expect(audit, `${attempt.label}: audited`).toMatchObject({ outcome: attempt.code === "connected" ? "success" : "failure", targetId: attempt.targetId });
      expect(audit!.address, `${attempt.label}: address`).toMatch(/127\.0\.0\.1/);
      socket.disconnect();
    }
  });

  it("an agent reports only its own line's queued jobs: another line's job — of its factory or another's — is refused and nothing is stored", async () => {
    resetAgentAuthFailures();
    const fresh = freshTargets(world);
    const own = await fresh.plannedJob();
    const otherLineOfA = await fresh.plannedJob();
    const jobOfB = await db.productionJob.create({
      data: { manufacturerId: world.manufacturerB.id, code: `SEC-B-${Date.now()}`, family: "shirt", requires: ["cutting"], minutes: 30, release: new Date(), due: new Date(Date.now() + 86_400_000), status: "ready" },
    });
    await queueJobsOnLine(world.users.plannerA.actor, world.lineA.id, { jobIds: [own.id] }, null);
    const socket = server.rawAgent(agentAuth(world.lineA.id, world.tokenA));
    socket.on("queue", (queue: { planVersion: number }, reply: (answer: unknown) => void) => reply({ planVersion: queue.planVersion }));
    expect(await connectOutcome(socket)).toBe("connected");
    expect(await ack(socket, "birth", birthOf({ session: 7 }))).toMatchObject({ ok: true });
    const stored = (await db.line.findUniqueOrThrow({ where: { id: world.lineA.id } })).lastSeq;
    let seq = stored;
    const send = (jobId: string) => ack<EventAck>(socket, "event", { seq: ++seq, at: at(), type: "job_started", jobId });

    for (const [label, jobId] of [["a job of another line of A", otherLineOfA.id], ["a job of manufacturer B", jobOfB.id]] as const) {
      cells++;
      const refused = await send(jobId);
      expect(refused, label).toMatchObject({ ok: false, error: { code: "JOB_NOT_ON_LINE" } });
    }
    cells++;
    const batch = await ack<{ ok: true; results: EventAck[] }>(socket, "events", { events: [{ seq: ++seq, at: at(), type: "job_started", jobId: jobOfB.id }] });
    expect(batch.results[0]).toMatchObject({ ok: false, error: { code: "JOB_NOT_ON_LINE" } });
    expect(await db.lineEvent.count({ where: { jobId: { in: [otherLineOfA.id, jobOfB.id] } } })).toBe(0);
    expect((await db.productionJob.findUniqueOrThrow({ where: { id: jobOfB.id } })).status).toBe("ready");
    cells++;
    expect(await send(own.id)).toMatchObject({ ok: true, duplicate: false });
    socket.disconnect();
  });
});
