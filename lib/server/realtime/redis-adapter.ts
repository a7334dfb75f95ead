import { createAdapter } from "@socket.io/redis-streams-adapter";
import { createClient } from "redis";
import type { Namespace } from "socket.io";
import { logger } from "../logger";

/**
 * Socket.IO across app processes (REDIS_URL): the official Redis Streams adapter, which keeps
 * every broadcast in a stream, so a process that loses Redis for a moment resumes where it was
 * and a browser that reconnects can be given what it missed (connection state recovery). See
 * docs/decisions/0010-multi-process.md.
 *
 * On top of the adapter, three things this app needs:
 * - `published(mark)`: waits until every broadcast issued after `mark` is in Redis, and throws if
 *   one is not. The outbox marks its rows dispatched only after that, so a process that dies
 *   between commit and fan-out leaves its rows to another process instead of losing them.
 * - `/live` sessions are restored without their rooms or missed packets: live-namespace.ts puts
 *   the rooms back through the room policy after authentication and only then replays.
 * - `/agent` has no connection state recovery: agents have their own store-and-forward and a
 *   birth on every connection, and a recovered socket must not inherit a line's rooms.
 */
export type RedisFanout = {
  adapter: (nsp: Namespace) => Namespace["adapter"];
  /** Resolves once the publishing connection is up (start-up waits for it). */
  ready: Promise<void>;
  isReady(): boolean;
  /** A position in this process's publishes; see `published`. */
  mark(): number;
  published(since: number, timeoutMs?: number): Promise<void>;
  /** Broadcasts to `nsp` after `offset` (exclusive) that reach any of `rooms`, each with its offset appended. */
  missedPackets(nsp: string, offset: string, rooms: string[]): Promise<unknown[][]>;
  /** Round trip to Redis in ms (health). */
  ping(): Promise<number>;
  close(): Promise<void>;
};

/** What a restored `/live` socket carries in `socket.data` until the namespace has checked it. */
export type HeldSession = { rooms: string[]; data: unknown; offset: string };
export const HELD_SESSION_KEY = "heldSession";

type StoredSession = { sid: string; pid: string; rooms: string[]; data: unknown };
type Publishing = { doPublish(message: unknown): Promise<unknown> };
type SessionStore = {
  persistSession(session: StoredSession): void;
  restoreSession(pid: string, offset: string): Promise<StoredSession & { missedPackets: unknown[][] }>;
};
type BroadcastEntry = { packet: { type: number; data: unknown[]; id?: number }; opts: { rooms: string[]; except: string[]; flags?: { volatile?: boolean } } };

const OFFSET = /^[0-9]+-[0-9]+$/;
const PUBLISH_TIMEOUT_MS = 2_000;

export function redisFanoutSettings(env: NodeJS.ProcessEnv = process.env) {
  const prefix = env.REDIS_KEY_PREFIX?.trim() || "tailorline";
  return {
    url: env.REDIS_URL?.trim() || undefined,
    streamName: `${prefix}:socket.io`,
    channelPrefix: `${prefix}:socket.io`,
    sessionKeyPrefix: `${prefix}:session:`,
    // Long enough to cover a few minutes of a busy factory; a browser gone for longer refetches.
    maxLen: Number(env.REDIS_STREAM_MAX_LEN ?? 100_000),
    /** How long a disconnected browser's session waits for it (connection state recovery). */
    maxDisconnectionMs: Number(env.LIVE_RECOVERY_WINDOW_MS ?? 120_000),
  };
}

export function createRedisFanout(settings: ReturnType<typeof redisFanoutSettings> & { url: string }): RedisFanout {
  const client = createClient({ url: settings.url, socket: { reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000) } });
  let lastError = "";
  client.on("error", (error: Error) => {
    // The client reconnects by itself; say so once per distinct problem, not on every retry.
    if (error.message !== lastError) logger.warn({ err: error }, "Redis connection problem; reconnecting");
    lastError = error.message;
  });
  client.on("ready", () => (lastError = ""));
  // Commands issued before the connection is up wait in the client's queue.
  const ready = client.connect().then(() => undefined);
  ready.catch((error) => logger.error({ err: error }, "could not connect to Redis"));
  const createBase = createAdapter(client, {
    streamName: settings.streamName,
    channelPrefix: settings.channelPrefix,
    sessionKeyPrefix: settings.sessionKeyPrefix,
    maxLen: settings.maxLen,
    // Our payloads are JSON: no binary scan, and the stream stays readable by missedPackets().
    onlyPlaintext: true,
  }) as unknown as (nsp: Namespace) => Namespace["adapter"];

  // Every publish of this process, numbered, so a caller can wait for "everything since".
  let issued = 0;
  const inFlight = new Map<number, Promise<unknown>>();
  const failed = new Set<number>();
  const track = (publish: Promise<unknown>) => {
    const seq = ++issued;
    inFlight.set(seq, publish);
    publish.then(
      () => inFlight.delete(seq),
      () => {
        inFlight.delete(seq);
        failed.add(seq);
        if (failed.size > 10_000) failed.clear(); // nobody is waiting for those any more
      },
    );
  };

  const sessionKey = (pid: string) => settings.sessionKeyPrefix + pid;

  const wrap = (nsp: Namespace) => {
    const adapter = createBase(nsp);
    const publishing = adapter as unknown as Publishing;
    const doPublish = publishing.doPublish.bind(adapter);
    publishing.doPublish = (message) => {
      const publish = doPublish(message);
      track(publish);
      return publish;
    };
    const sessions = adapter as unknown as SessionStore;
    if (nsp.name === "/live") {
      sessions.persistSession = (session) => {
        const stored: StoredSession = { sid: session.sid, pid: session.pid, rooms: session.rooms, data: session.data };
        client.set(sessionKey(session.pid), JSON.stringify(stored), { PX: settings.maxDisconnectionMs }).catch((error) => logger.warn({ err: error }, "could not keep a live session for recovery"));
      };
      sessions.restoreSession = async (pid, offset) => {
        if (typeof pid !== "string" || pid.length > 64 || !OFFSET.test(offset)) throw new Error("invalid session");
        const [[raw], exists] = await Promise.all([
          client.multi().get(sessionKey(pid)).del(sessionKey(pid)).exec() as Promise<unknown[]>,
          client.xRange(settings.streamName, offset, offset),
        ]);
        if (typeof raw !== "string" || !exists?.length) throw new Error("session or offset not found");
        const stored = JSON.parse(raw) as StoredSession;
        const held: HeldSession = { rooms: stored.rooms, data: stored.data, offset };
        // No room and no packet before the namespace has authenticated the socket and checked each room.
        return { sid: stored.sid, pid: stored.pid, rooms: [], missedPackets: [], data: { [HELD_SESSION_KEY]: held } };
      };
    } else {
      sessions.persistSession = () => {};
      sessions.restoreSession = async () => {
        throw new Error("no connection state recovery in this namespace");
      };
    }
    return adapter;
  };

  return {
    // Socket.IO calls it with `new`: a function, not an arrow, so its returned adapter is the result.
    adapter: function adapterFor(nsp: Namespace) {
      return wrap(nsp);
    },
    ready,
    isReady: () => client.isReady,
    mark: () => issued,
    async published(since, timeoutMs = PUBLISH_TIMEOUT_MS) {
      const until = issued;
      const waiting = [...inFlight].filter(([seq]) => seq > since && seq <= until).map(([, publish]) => publish.catch(() => undefined));
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
      const outcome = await Promise.race([Promise.all(waiting), timedOut]);
      clearTimeout(timer);
      if (outcome === "timeout") throw new Error(`Redis did not take ${waiting.length} broadcasts within ${timeoutMs} ms`);
      let failures = 0;
      for (let seq = since + 1; seq <= until; seq++) if (failed.delete(seq)) failures++;
      if (failures > 0) throw new Error(`${failures} broadcasts did not reach Redis`);
    },
    async missedPackets(nsp, offset, rooms) {
      const packets: unknown[][] = [];
      let from = offset;
      for (let round = 0; round < 1_000; round++) {
        const entries = (await client.xRange(settings.streamName, nextOffset(from), "+", { COUNT: 1_000 })) ?? [];
        for (const entry of entries) {
          from = entry.id;
          const message = entry.message as Record<string, string>;
          if (message.nsp !== nsp || message.type !== "3" || !message.data) continue;
          const { packet, opts } = JSON.parse(message.data) as BroadcastEntry;
          if (packet.type !== 2 || packet.id !== undefined || opts.flags?.volatile) continue;
          const reaches = opts.rooms.length === 0 || opts.rooms.some((room) => rooms.includes(room));
          if (reaches && !rooms.some((room) => opts.except.includes(room))) packets.push([...packet.data, entry.id]);
        }
        if (entries.length < 1_000) break;
      }
      return packets;
    },
    async ping() {
      const started = performance.now();
      await client.ping();
      return Math.round((performance.now() - started) * 10) / 10;
    },
    async close() {
      if (client.isOpen) await client.close().catch(() => client.destroy());
    },
  };
}

/** The stream id right after `offset` (XRANGE's exclusive start, written for any Redis version). */
function nextOffset(offset: string): string {
  const [time, sequence] = offset.split("-");
  return `${time}-${Number(sequence) + 1}`;
}
