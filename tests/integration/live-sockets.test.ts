import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { nudgeOutbox, writeOutboxEvent } from "@/lib/server/realtime/outbox";
import { disconnectUserSockets } from "@/lib/server/realtime/live-hub";
import { connectOutcome, nextEvent, startSocketServer } from "../support/socket-server";
import { createOrganization, createUser, uniqueSuffix } from "../support/factories";

let server: Awaited<ReturnType<typeof startSocketServer>>;
beforeAll(async () => {
  server = await startSocketServer();
});
afterAll(async () => {
  await server.close();
});

async function orderOf(consumerId: string, manufacturerId: string) {
  return db.order.create({
    data: {
      number: `TL-T-${uniqueSuffix()}`, consumerId, manufacturerId, currency: "EUR", totalPrice: 100,
      shippingAddress: {}, contact: {}, idempotencyKey: uniqueSuffix() + uniqueSuffix(), requestHash: "h",
    },
  });
}

describe("/live", () => {
  it("refuses a socket without a session, with a clear code", async () => {
    const outcome = await connectOutcome(server.connect("/live"));
    expect(outcome).toEqual({ code: "UNAUTHENTICATED", message: "Sign in to receive live updates." });
  });

  it("lets a consumer join their own order's room and receive its events — and nobody else's", async () => {
    const manufacturer = await createOrganization("manufacturer");
    const owner = await createUser("consumer", null);
    const stranger = await createUser("consumer", null);
    const otherPlanner = await createUser("planner", (await createOrganization("manufacturer")).id);
    const order = await orderOf(owner.id, manufacturer.id);

    const ownerSocket = server.connect("/live", owner.cookie);
    expect(await connectOutcome(ownerSocket)).toBe("connected");
    expect(await ownerSocket.emitWithAck("join", { room: `order:${order.id}` })).toEqual({ ok: true, room: `order:${order.id}` });

    for (const intruder of [stranger, otherPlanner]) {
      const socket = server.connect("/live", intruder.cookie);
      expect(await connectOutcome(socket)).toBe("connected");
      expect(await socket.emitWithAck("join", { room: `order:${order.id}` })).toEqual({ ok: false, error: { code: "ROOM_NOT_FOUND", message: "No such room, or not yours." } });
    }
    // An order that does not exist answers exactly like one that is not yours.
    const probe = server.connect("/live", stranger.cookie);
    await connectOutcome(probe);
    expect(await probe.emitWithAck("join", { room: "order:does-not-exist" })).toEqual({ ok: false, error: { code: "ROOM_NOT_FOUND", message: "No such room, or not yours." } });
    expect(await probe.emitWithAck("join", { room: "nonsense" })).toMatchObject({ ok: false, error: { code: "INVALID_ROOM" } });

    const received = nextEvent<{ status: string; eventId: string }>(ownerSocket, "order.updated");
    await db.$transaction((tx) => writeOutboxEvent(tx, { type: "order.updated", rooms: [`order:${order.id}`], payload: { orderId: order.id, status: "parts_confirmed" } }));
    nudgeOutbox();
    expect(await received).toMatchObject({ orderId: order.id, status: "parts_confirmed" });
    // Marked dispatched once emitted: on PostgreSQL that commit may land just after the socket got the event.
    const dispatched = async () => (await db.outboxEvent.findFirstOrThrow({ where: { type: "order.updated", rooms: { has: `order:${order.id}` } } })).dispatchedAt;
    const deadline = Date.now() + 5_000;
    while ((await dispatched()) === null && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await dispatched()).not.toBeNull();
  });

  it("lets staff join only their own manufacturer's room", async () => {
    const mine = await createOrganization("manufacturer");
    const theirs = await createOrganization("manufacturer");
    const planner = await createUser("planner", mine.id);
    const socket = server.connect("/live", planner.cookie);
    await connectOutcome(socket);
    expect(await socket.emitWithAck("join", { room: `manufacturer:${mine.id}` })).toMatchObject({ ok: true });
    expect(await socket.emitWithAck("join", { room: `manufacturer:${theirs.id}` })).toMatchObject({ ok: false });
  });

  it("ends a user's live connections when they are deactivated", async () => {
    const user = await createUser("consumer", null);
    const socket = server.connect("/live", user.cookie);
    await connectOutcome(socket);
    const disconnected = nextEvent<string>(socket, "disconnect");
    disconnectUserSockets(user.id);
    expect(await disconnected).toBe("io server disconnect");
  });
});
