import { io as connect, type Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { writeOutboxEvent } from "@/lib/server/realtime/outbox";
import { createUser } from "../support/factories";
import { connected, record, startTestCluster, waitFor, type TestCluster } from "./support/cluster";

/**
 * The launcher's proxy: Socket.IO's polling transport sends each request of a session on its own,
 * and every one must reach the process holding the session — by the cookie a browser keeps, or by
 * the session id for clients without cookies. Events from either process arrive.
 */
let cluster: TestCluster;
const sockets: Socket[] = [];

beforeAll(async () => {
  cluster = await startTestCluster({ processes: 2, proxy: true });
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});
afterAll(async () => {
  await cluster?.close();
});

describe("the cluster's sticky proxy", () => {
  it("keeps polling sessions on their process (by session id, or by cookie) and upgrades them to WebSocket", async () => {
    const user = await createUser("consumer", null);
    const clients = [
      ...Array.from({ length: 4 }, () => ({ transports: ["polling"], cookie: user.cookie })),
      ...Array.from({ length: 2 }, () => ({ transports: ["polling", "websocket"], cookie: user.cookie })),
      ...[0, 1].map((upstream) => ({ transports: ["polling"], cookie: `tl_upstream=${upstream}; ${user.cookie}` })),
    ].map((options) => {
      const socket = connect(`${cluster.proxy!.url}/live`, { transports: options.transports, extraHeaders: { cookie: options.cookie }, reconnection: false, forceNew: true });
      sockets.push(socket);
      return { socket, seen: record(socket) };
    });
    for (const client of clients) await connected(client.socket);
    // Several round trips per session: a stray request to the other process would be refused.
    for (let round = 0; round < 3; round++) {
      for (const client of clients) expect(await client.socket.timeout(5_000).emitWithAck("join", { room: `user:${user.id}` })).toMatchObject({ ok: true });
    }
    for (let i = 0; i < 5; i++) await db.$transaction((tx) => writeOutboxEvent(tx, { type: "probe", rooms: [`user:${user.id}`], payload: { i } }));
    await waitFor(() => clients.every((client) => client.seen.filter((entry) => entry.event === "probe").length >= 5), 15_000, "every client's five events");
    for (const client of clients) expect(client.socket.connected).toBe(true);
    const upgraded = clients.slice(4, 6).map((client) => client.socket.io.engine.transport.name);
    expect(upgraded).toEqual(["websocket", "websocket"]);
    expect(cluster.proxy!.upstreams().every((upstream) => upstream.up)).toBe(true);
  });

  it("answers the API through either process and moves a browser whose process is gone", async () => {
    const proxy = cluster.proxy!;
    const health = await Promise.all(Array.from({ length: 4 }, () => fetch(`${proxy.url}/api/health`)));
    expect(health.map((response) => response.status)).toEqual([200, 200, 200, 200]);
    const first = await health[0]!.json();
    expect(first).toMatchObject({ ok: true, database: { ok: true, kind: "postgres" }, redis: { ok: true } });
    const pinned = health.map((response) => /tl_upstream=(\d)/.exec(response.headers.get("set-cookie") ?? "")?.[1]);
    expect(new Set(pinned)).toEqual(new Set(["0", "1"]));

    await cluster.apps[0]!.kill();
    const moved = await fetch(`${proxy.url}/api/health`, { headers: { cookie: "tl_upstream=0" } });
    expect(moved.status).toBe(200);
    expect(moved.headers.get("set-cookie")).toMatch(/tl_upstream=1/);
    expect(proxy.upstreams().map((upstream) => upstream.up)).toEqual([false, true]);
    await cluster.restart(0);
    await waitFor(() => proxy.upstreams()[0]!.up, 5_000, "the proxy taking process 0 back");
  });
});
