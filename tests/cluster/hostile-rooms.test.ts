import { io as connect, type Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { writeOutboxEvent } from "@/lib/server/realtime/outbox";
import { createOrganization, createUser, uniqueSuffix } from "../support/factories";
import { agentAuth, createFactory, issueToken } from "../integration/agents/agent-fixtures";
import { api, closeSockets, connected, liveSocket, record, startTestCluster, waitFor, type TestCluster } from "./support/cluster";

/**
 * Hostile clients on every process: each asks for rooms that are not theirs, in every shape, and
 * must be refused the same way everywhere; events written to those rooms afterwards must reach
 * their owners and nobody else, whichever process emits them.
 */
let cluster: TestCluster;
const agentSockets: Socket[] = [];

beforeAll(async () => {
  cluster = await startTestCluster({ processes: 2 });
});
afterEach(() => {
  closeSockets();
  for (const socket of agentSockets.splice(0)) socket.disconnect();
});
afterAll(async () => {
  await cluster?.close();
});

const REFUSED = { ok: false, error: { code: "ROOM_NOT_FOUND", message: "No such room, or not yours." } };

async function orderOf(consumerId: string, manufacturerId: string) {
  return db.order.create({
    data: {
      number: `TL-T-${uniqueSuffix()}`, consumerId, manufacturerId, currency: "EUR", totalPrice: 100,
      shippingAddress: {}, contact: {}, idempotencyKey: uniqueSuffix() + uniqueSuffix(), requestHash: "h",
    },
  });
}

/** Two tenants of everything, so each actor has a neighbour to spy on. */
async function world() {
  const factory = await createFactory(1);
  const otherFactory = await createFactory(1);
  const supplier = await createOrganization("supplier");
  const otherSupplier = await createOrganization("supplier");
  const consumer = await createUser("consumer", null);
  const otherConsumer = await createUser("consumer", null);
  return {
    factory, otherFactory, supplier, otherSupplier, consumer, otherConsumer,
    supplierUser: await createUser("supplier", supplier.id),
    order: await orderOf(consumer.id, factory.manufacturer.id),
    otherOrder: await orderOf(otherConsumer.id, otherFactory.manufacturer.id),
  };
}

async function emitTo(rooms: string[], marker: string) {
  await db.$transaction((tx) => writeOutboxEvent(tx, { type: "probe", rooms, payload: { marker } }));
}

describe("hostile room joins", () => {
  it("are refused on every process, and what is sent to those rooms reaches only their owners", async () => {
    const w = await world();
    const theirs = {
      order: `order:${w.otherOrder.id}`,
      user: `user:${w.otherConsumer.id}`,
      manufacturer: `manufacturer:${w.otherFactory.manufacturer.id}`,
      line: `line:${w.otherFactory.lines[0]!.id}`,
      supplier: `supplier:${w.otherSupplier.id}`,
    };
    const attempts: Array<{ who: { cookie: string }; rooms: string[] }> = [
      { who: w.consumer, rooms: Object.values(theirs).concat([`manufacturer:${w.factory.manufacturer.id}`, `supplier:${w.supplier.id}`, `line:${w.factory.lines[0]!.id}`]) },
      { who: w.supplierUser, rooms: Object.values(theirs).concat([`order:${w.order.id}`, `manufacturer:${w.factory.manufacturer.id}`]) },
      { who: w.factory.planner, rooms: Object.values(theirs).concat([`user:${w.consumer.id}`, `supplier:${w.supplier.id}`]) },
    ];
    const spies: Array<ReturnType<typeof record>> = [];
    for (const app of cluster.apps) {
      for (const attempt of attempts) {
        const socket = liveSocket(app.url, attempt.who.cookie);
        spies.push(record(socket));
        await connected(socket);
        for (const room of attempt.rooms) expect(await socket.emitWithAck("join", { room }), `${room} on process ${app.index}`).toEqual(REFUSED);
        // Names that only look like rooms, and payloads that are not a join at all.
        expect(await socket.emitWithAck("join", { room: `order:${w.otherOrder.id}:x` })).toEqual(REFUSED);
        expect(await socket.emitWithAck("join", { room: "order:does-not-exist" })).toEqual(REFUSED);
        for (const room of ["order", ":x", "order:", "ORDER:x", `credential:${uniqueSuffix()}`, "x".repeat(81)]) {
          expect(await socket.emitWithAck("join", { room })).toMatchObject({ ok: false, error: { code: "INVALID_ROOM" } });
        }
        for (const payload of [null, 5, `order:${w.otherOrder.id}`, [`order:${w.otherOrder.id}`], { room: 5 }, { room: [theirs.order] }]) {
          expect(await socket.emitWithAck("join", payload)).toMatchObject({ ok: false, error: { code: "INVALID_ROOM" } });
        }
      }
    }

    // The owners, one on each process, are let in.
    const [a, b] = cluster.apps;
    const owners = [
      { socket: liveSocket(a!.url, w.otherConsumer.cookie), rooms: [theirs.order] },
      { socket: liveSocket(b!.url, w.otherFactory.planner.cookie), rooms: [theirs.manufacturer, theirs.line] },
      { socket: liveSocket(a!.url, (await createUser("supplier", w.otherSupplier.id)).cookie), rooms: [theirs.supplier] },
    ];
    const ownerSeen = owners.map((owner) => record(owner.socket));
    for (const owner of owners) {
      await connected(owner.socket);
      for (const room of owner.rooms) expect(await owner.socket.emitWithAck("join", { room })).toEqual({ ok: true, room });
    }

    const marker = uniqueSuffix();
    for (const room of Object.values(theirs)) await emitTo([room], `${marker}:${room}`);
    await waitFor(() => ownerSeen.every((seen) => seen.some((entry) => String(entry.payload.marker ?? "").startsWith(marker))), 10_000, "the owners' events");
    await waitFor(() => ownerSeen[1]!.filter((entry) => entry.event === "probe").length === 2, 10_000, "the planner's two rooms");
    // Time for anything misrouted to arrive too.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    for (const seen of spies) expect(seen.filter((entry) => entry.event === "probe")).toEqual([]);
    expect(await db.outboxEvent.count({ where: { type: "probe", dispatchedAt: null } })).toBe(0);
  });

  it("a stolen or forged recovery session gives another user nothing: no rooms, no missed events", async () => {
    const [a, b] = cluster.apps;
    const w = await world();
    const room = `order:${w.order.id}`;
    const victim = liveSocket(a!.url, w.consumer.cookie);
    const victimSeen = record(victim);
    await connected(victim);
    expect(await victim.emitWithAck("join", { room })).toMatchObject({ ok: true });
    await emitTo([room], "before");
    await waitFor(() => victimSeen.some((entry) => entry.payload.marker === "before"), 10_000, "the victim's first event");
    const session = victim as unknown as { _pid?: string; _lastOffset?: string };
    expect(session._pid).toBeTruthy();
    expect(session._lastOffset).toMatch(/^\d+-\d+$/);

    // The victim's connection drops (a recoverable cut); an event is missed meanwhile.
    const cut = new Promise((resolve) => victim.once("disconnect", resolve));
    victim.io.engine.close();
    await cut;
    await new Promise((resolve) => setTimeout(resolve, 300));
    await emitTo([room, `user:${w.consumer.id}`], "missed");

    // Another user presents the victim's session on the other process.
    const thief = connect(`${b!.url}/live`, { transports: ["websocket"], extraHeaders: { cookie: w.otherConsumer.cookie }, auth: { pid: session._pid, offset: session._lastOffset }, reconnection: false, forceNew: true });
    const thiefSeen = record(thief);
    const resync = new Promise((resolve) => thief.once("live.resync", resolve));
    await connected(thief);
    await resync;
    await emitTo([room, `user:${w.consumer.id}`], "after");
    // A forged session is just a new connection.
    const forger = connect(`${a!.url}/live`, { transports: ["websocket"], extraHeaders: { cookie: w.otherConsumer.cookie }, auth: { pid: "AAAAAAAAAAAAAAAAAAAA", offset: session._lastOffset }, reconnection: false, forceNew: true });
    const forgerSeen = record(forger);
    await connected(forger);
    await emitTo([room], "later");
    // The owner, connecting afresh, sees the later events: they were emitted.
    const owner = liveSocket(b!.url, w.consumer.cookie);
    const ownerSeen = record(owner);
    await connected(owner);
    expect(await owner.emitWithAck("join", { room })).toMatchObject({ ok: true });
    await emitTo([room], "last");
    await waitFor(() => ownerSeen.some((entry) => entry.payload.marker === "last"), 10_000, "the owner's event");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(thiefSeen.filter((entry) => entry.event === "probe")).toEqual([]);
    expect(forgerSeen.filter((entry) => entry.event === "probe")).toEqual([]);
    thief.disconnect();
    forger.disconnect();
  });
});

describe("hostile agents", () => {
  function rawAgent(url: string, auth: Record<string, unknown>): Socket {
    const socket = connect(`${url}/agent`, { transports: ["websocket"], auth, reconnection: false, forceNew: true });
    agentSockets.push(socket);
    return socket;
  }

  it("an agent gets only its own line, on every process: another line's token, rooms and session are refused", async () => {
    const factory = await createFactory(2);
    const [mine, theirs] = factory.lines;
    const myToken = (await issueToken(factory, mine!.id)).token;
    const theirToken = (await issueToken(factory, theirs!.id)).token;

    for (const app of cluster.apps) {
      const outcome = await new Promise((resolve) => {
        const socket = rawAgent(app.url, agentAuth(theirs!.id, myToken));
        socket.once("connect", () => resolve("connected"));
        socket.once("connect_error", (error: Error & { data?: { code: string } }) => resolve(error.data?.code));
      });
      expect(outcome, `process ${app.index}`).toBe("TOKEN_INVALID");
    }

    // My agent on A asks for the other line's room (no such message exists) and presents a
    // session id; the other line's agent on B is cut, and commands to it must not reach me.
    const [a, b] = cluster.apps;
    const theirAgent = rawAgent(b!.url, agentAuth(theirs!.id, theirToken));
    await connected(theirAgent);
    const theirPid = (theirAgent as unknown as { _pid?: string })._pid;
    theirAgent.io.engine.close();
    const me = rawAgent(a!.url, { ...agentAuth(mine!.id, myToken), pid: theirPid, offset: "0-0" });
    const received: string[] = [];
    me.onAny((event: string) => received.push(event));
    await connected(me);
    me.emit("join", { room: `line:${theirs!.id}` });
    me.emit("join", `line:${theirs!.id}`);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const command = await api(a!.url, "POST", `/api/lines/${theirs!.id}/commands`, factory.planner.cookie, { kind: "resync", jobId: null });
    expect(command.status).toBe(202);
    expect(command.body.command).toMatchObject({ status: "rejected", reason: expect.stringMatching(/^LINE_OFFLINE/) });
    const fromB = await api(b!.url, "POST", `/api/lines/${theirs!.id}/commands`, factory.planner.cookie, { kind: "resync", jobId: null });
    expect(fromB.body.command).toMatchObject({ status: "rejected" });
    expect(received).toEqual([]);
  });
});
