import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { PROTOCOL_VERSION } from "@/lib/core/line-protocol";
import { db } from "@/lib/server/db";
import { createLineCredential } from "@/lib/server/lines/create-line-credential";
import { loadActorForUser } from "@/lib/server/auth/load-actor";
import { queueJobsOnLine } from "@/lib/server/lines/queue-jobs-on-line";
import { createSocketServer } from "@/lib/server/realtime/create-socket-server";
import { createOrganization, createUser, uniqueSuffix } from "../../support/factories";

/** A factory with an admin, a planner and `lines` lines, ready for agents. */
export async function createFactory(lines = 1) {
  const manufacturer = await createOrganization("manufacturer");
  const admin = await createUser("admin", manufacturer.id);
  const planner = await createUser("planner", manufacturer.id);
  const created = [];
  for (let i = 0; i < lines; i++) {
    created.push(await db.line.create({ data: { manufacturerId: manufacturer.id, code: `L${i + 1}-${uniqueSuffix()}`, name: `Line ${i + 1}`, capabilities: ["assembly"], speed: 1 } }));
  }
  return {
    manufacturer,
    admin: { ...admin, actor: await loadActorForUser(admin.id, admin.sessionVersion) },
    planner: { ...planner, actor: await loadActorForUser(planner.id, planner.sessionVersion) },
    lines: created,
  };
}

export type Factory = Awaited<ReturnType<typeof createFactory>>;

export async function issueToken(factory: Factory, lineId: string, input: { expiresInDays?: number } = {}) {
  const { credential, token } = await createLineCredential(factory.admin.actor, lineId, { label: "test", ...input }, "127.0.0.1");
  return { credentialId: credential.id, token };
}

/**
 * Jobs of one order (so order status can be followed), ready to be queued. `minutes` per job
 * at speed 1, quantity 1.
 */
export async function createOrderWithJobs(factory: Factory, count: number, minutes = 60) {
  const consumer = await createUser("consumer", null);
  const product = await db.product.create({
    data: { manufacturerId: factory.manufacturer.id, slug: `p-${uniqueSuffix()}`, name: "Test fridge", productType: "fridge", currency: "EUR", basePrice: 1000, draftDefinition: {} },
  });
  const version = await db.productVersion.create({ data: { productId: product.id, version: 1, definition: {} } });
  const order = await db.order.create({
    data: {
      number: `TL-T-${uniqueSuffix()}`, consumerId: consumer.id, manufacturerId: factory.manufacturer.id, status: "scheduled", currency: "EUR", totalPrice: 1000,
      shippingAddress: {}, contact: {}, idempotencyKey: uniqueSuffix() + uniqueSuffix(), requestHash: "h",
    },
  });
  const jobs = [];
  for (let i = 0; i < count; i++) {
    const item = await db.orderItem.create({
      data: { orderId: order.id, productId: product.id, productVersionId: version.id, quantity: 1, configuration: { door: "french", colour: "steel" }, priceBreakdown: {}, unitPrice: 1000, totalPrice: 1000 },
    });
    jobs.push(await createJob(factory, { orderItemId: item.id, minutes }));
  }
  return { order, jobs, consumer };
}

export async function createJob(factory: Factory, data: { orderItemId?: string; minutes?: number; family?: string } = {}) {
  return db.productionJob.create({
    data: {
      manufacturerId: factory.manufacturer.id, orderItemId: data.orderItemId, code: `J-${uniqueSuffix()}`, family: data.family ?? "fridge-steel", requires: ["assembly"],
      minutes: data.minutes ?? 60, release: new Date(), due: new Date(Date.now() + 7 * 86_400_000), status: "ready",
    },
  });
}

export async function queueJobs(factory: Factory, lineId: string, jobIds: string[]) {
  return queueJobsOnLine(factory.planner.actor, lineId, { jobIds }, "127.0.0.1");
}

/**
 * The app's real Socket.IO server on a port that can be reused after a stop (to restart "the
 * server" under a connected agent).
 */
export async function startAgentServer(port = 0) {
  const httpServer: HttpServer = createServer((_request, response) => {
    response.statusCode = 404;
    response.end();
  });
  const sockets = createSocketServer(httpServer);
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(port, "127.0.0.1", resolve);
  });
  const boundPort = (httpServer.address() as AddressInfo).port;
  const clients: Socket[] = [];
  return {
    port: boundPort,
    url: `http://127.0.0.1:${boundPort}`,
    /** A raw agent socket with the given handshake (no reconnection), for hostile-input tests. */
    rawAgent(auth: Record<string, unknown>): Socket {
      const socket = connect(`http://127.0.0.1:${boundPort}/agent`, { transports: ["websocket"], auth, reconnection: false, forceNew: true });
      clients.push(socket);
      return socket;
    },
    live(cookie: string): Socket {
      const socket = connect(`http://127.0.0.1:${boundPort}/live`, { transports: ["websocket"], extraHeaders: { cookie }, reconnection: false, forceNew: true });
      clients.push(socket);
      return socket;
    },
    async close() {
      for (const client of clients) client.disconnect();
      await sockets.close();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}

export const agentAuth = (lineId: string, token: string) => ({ protocol: PROTOCOL_VERSION, lineId, token });

export const birthOf = (overrides: Record<string, unknown> = {}) => ({ agentVersion: "test", session: 1, capabilities: ["progress"], planVersion: null, lastSeq: 0, ...overrides });

export async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 10_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
