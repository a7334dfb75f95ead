import { EventEmitter } from "node:events";
import { io, type Socket } from "socket.io-client";
import {
  LineCommandMessageSchema,
  LineQueueSchema,
  MAX_EVENTS_PER_BATCH,
  PROTOCOL_VERSION,
  type BirthReply,
  type CommandReply,
  type EventAck,
  type LineCommandMessage,
  type LineEvent,
  type LineQueue,
} from "../../lib/core/line-protocol";
import { AgentStateFiles } from "./agent-state";
import { EventStore } from "./event-store";

export const AGENT_VERSION = "1.0.0";

/** Handshake refusals an agent cannot fix by retrying: an operator must act. */
const FATAL_REFUSALS = new Set(["AGENT_AUTH_MALFORMED", "AGENT_PROTOCOL_UNSUPPORTED", "LINE_UNKNOWN", "TOKEN_INVALID", "TOKEN_REVOKED", "TOKEN_EXPIRED", "CLIENT_CERTIFICATE_MISMATCH"]);

export type NewEvent = DistributiveOmit<LineEvent, "seq" | "at"> & { at?: string };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type AgentLinkOptions = {
  url: string;
  lineId: string;
  token: string;
  stateDirectory: string;
  capabilities?: string[];
  timeScale?: number;
  /** Events sent and not yet acked, at most. */
  window?: number;
  /** Events per `events` message, at most. */
  batchSize?: number;
  /** PEM text for mutual TLS (the agent's certificate names its line). */
  tls?: { ca?: string; cert?: string; key?: string };
  /** Wall-clock time for event timestamps; injectable for tests. */
  now?: () => Date;
};

/**
 * The protocol client of one line: handshake, birth, queue, commands, and store-and-forward of
 * events. Events get their seq and are fsynced to the local log before they are sent; after any
 * reconnect everything unacked is sent again, oldest first. The server's "stored up to" in its
 * birth reply, and acks (including duplicate acks), settle events; a retryable refusal rewinds
 * the sender to the oldest unacked event, so the server always receives a line's events in order.
 *
 * Emits: "born" (BirthReply), "queue" (LineQueue), "sent" (seq), "acked" (seq, duplicate), "refused" (event,
 * error), "connected", "disconnected" (reason), "fatal" ({ code, message }).
 */
export class AgentLink extends EventEmitter {
  private socket: Socket | null = null;
  private born = false;
  private stopped = false;
  /** The highest seq assigned (stored on disk before a compaction can drop it). */
  lastSeq: number;
  private sendIndex = 0;
  private generation = 0;
  private inFlight = 0;
  /** Bumped at every (re)connection: answers on an older connection never come. */
  private connection = 0;
  private rewindTimer: NodeJS.Timeout | null = null;
  private rewindWaiting = false;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private watchdog: NodeJS.Timeout | null = null;
  private commandHandler: (command: LineCommandMessage) => CommandReply = (command) => ({ correlationId: command.correlationId, outcome: "rejected", reason: "UNSUPPORTED", message: "No command handler." });
  queue: LineQueue | null;

  private constructor(
    readonly options: AgentLinkOptions,
    private readonly files: AgentStateFiles,
    private readonly store: EventStore,
    readonly session: number,
  ) {
    super();
    this.lastSeq = Math.max(files.readState().lastSeq, store.highestSeq());
    this.queue = files.readQueue();
  }

  /** Opens the local state and starts a new session (the session number grows at every start). */
  static async open(options: AgentLinkOptions): Promise<AgentLink> {
    const files = new AgentStateFiles(options.stateDirectory);
    const previous = files.readState();
    let link: AgentLink | null = null;
    // The log may lose its highest seq in a compaction: the high-water mark is saved first.
    const store = await EventStore.open(files.eventsFile, { beforeCompact: () => link && files.writeState({ session: link.session, lastSeq: link.lastSeq }) });
    const session = previous.session + 1;
    files.writeState({ session, lastSeq: Math.max(previous.lastSeq, store.highestSeq()) });
    link = new AgentLink(options, files, store, session);
    return link;
  }

  get connected(): boolean {
    return this.born && this.socket?.connected === true;
  }

  /** Unacked events, oldest first (for tests and the status line). */
  unacked(): readonly LineEvent[] {
    return this.store.events();
  }

  onCommand(handler: (command: LineCommandMessage) => CommandReply): void {
    this.commandHandler = handler;
  }

  connect(): void {
    if (this.socket) return;
    this.stopped = false;
    const socket = io(`${this.options.url}/agent`, {
      transports: ["websocket"],
      auth: { protocol: PROTOCOL_VERSION, lineId: this.options.lineId, token: this.options.token },
      reconnectionDelay: 500,
      reconnectionDelayMax: 5_000,
      ...(this.options.tls ?? {}),
    });
    this.socket = socket;
    socket.on("connect", () => void this.sendBirth());
    // socket.io-client reconnects by itself after a transport failure, but not after the server
    // refused or closed the connection, nor after a failed manual retry: this watchdog does.
    // (`active` is true while a connection attempt or automatic reconnection is under way:
    // connecting again then would open a second namespace connection that replaces the first.)
    this.watchdog = setInterval(() => {
      if (!this.stopped && !this.reconnectTimer && !socket.connected && !socket.active) socket.connect();
    }, 2_000);
    this.watchdog.unref();
    socket.on("connect_error", (error: Error & { data?: { code?: string; message?: string; retryAfterMs?: number } }) => {
      const code = error.data?.code;
      if (code && FATAL_REFUSALS.has(code)) {
        this.emit("fatal", { code, message: error.data?.message ?? code });
        this.close();
        return;
      }
      this.emit("connect-failed", code ? `${code}: ${error.data?.message ?? ""}` : error.message);
      // A refusal by the server is not retried by socket.io-client; the watchdog (connect) does.
      if (error.data?.retryAfterMs) this.reconnectLater(error.data.retryAfterMs);
    });
    socket.on("disconnect", (reason) => {
      this.born = false;
      this.restartSending();
      this.emit("disconnected", reason);
      // The server ended the connection (a restart, revocation, a flood): the watchdog tries
      // again; a revoked credential then answers with a fatal refusal.
    });
    socket.on("superseded", () => {
      this.emit("fatal", { code: "SUPERSEDED", message: "Another agent connection of this line replaced this one." });
      this.close();
    });
    socket.on("queue", (payload: unknown, ack?: (reply: unknown) => void) => {
      const parsed = LineQueueSchema.safeParse(payload);
      if (!parsed.success) return; // never ack what we cannot run
      this.queue = parsed.data;
      this.files.writeQueue(parsed.data);
      this.emit("queue", parsed.data);
      ack?.({ planVersion: parsed.data.planVersion });
    });
    socket.on("command", (payload: unknown, ack?: (reply: CommandReply) => void) => {
      const parsed = LineCommandMessageSchema.safeParse(payload);
      if (!parsed.success || typeof ack !== "function") return;
      ack(this.commandHandler(parsed.data));
    });
  }

  private reconnectLater(ms: number): void {
    if (this.reconnectTimer || this.stopped) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (!this.stopped && this.socket && !this.socket.connected && !this.socket.active) this.socket.connect();
    }, ms);
    this.reconnectTimer.unref();
  }

  /** Sends birth again (a resync): the server answers with what it stored and the queue. */
  rebirth(): Promise<boolean> {
    return this.sendBirth();
  }

  /** Assigns seqs, makes the events durable, then sends them. Returns the events as stored. */
  async publish(events: NewEvent[]): Promise<LineEvent[]> {
    const now = (this.options.now ?? (() => new Date()))().toISOString();
    const stamped = events.map((event) => ({ ...event, at: event.at ?? now, seq: ++this.lastSeq }) as LineEvent);
    await this.store.append(stamped);
    this.pump();
    return stamped;
  }

  /** Cuts the connection for `ms` (fault injection): events keep being produced and stored. */
  dropConnection(ms: number): void {
    const socket = this.socket;
    if (!socket || this.stopped) return;
    socket.disconnect();
    this.reconnectLater(ms);
  }

  close(): void {
    this.stopped = true;
    if (this.rewindTimer) clearTimeout(this.rewindTimer);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.watchdog) clearInterval(this.watchdog);
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.born = false;
  }

  /** Closes the connection and the local files (after pending writes are durable). */
  async shutdown(): Promise<void> {
    this.close();
    this.files.writeState({ session: this.session, lastSeq: this.lastSeq });
    await this.store.close();
  }

  private async sendBirth(): Promise<boolean> {
    const socket = this.socket;
    if (!socket?.connected) return false;
    const birth = {
      agentVersion: AGENT_VERSION,
      session: this.session,
      capabilities: this.options.capabilities ?? ["queue", "progress", "commands"],
      planVersion: this.queue?.planVersion ?? null,
      lastSeq: this.lastSeq,
      timeScale: this.options.timeScale ?? 1,
    };
    let reply: BirthReply | { ok: false; error: { code: string; message: string } };
    try {
      reply = await socket.timeout(30_000).emitWithAck("birth", birth);
    } catch {
      setTimeout(() => void this.sendBirth(), 1_000).unref();
      return false;
    }
    if (!reply.ok) {
      if (reply.error.code === "SESSION_STALE") {
        this.emit("fatal", reply.error);
        this.close();
      } else setTimeout(() => void this.sendBirth(), 1_000).unref();
      return false;
    }
    this.lastSeq = Math.max(this.lastSeq, reply.storedSeq);
    // What the server already stored needs no resend (acks lost in a cut, or a crash).
    await this.store.settleUpTo(reply.storedSeq);
    this.born = true;
    this.restartSending();
    this.emit("born", reply);
    this.emit("connected");
    this.pump();
    return true;
  }

  /** Everything unacked is sent again from the oldest; acks of the old round still settle. */
  private restartSending(): void {
    this.rewindWaiting = false;
    if (this.rewindTimer) clearTimeout(this.rewindTimer);
    this.rewindTimer = null;
    this.connection++;
    this.generation++;
    this.sendIndex = 0;
    this.inFlight = 0;
  }

  /**
   * Sends unacked events in order, in batches (`events`, up to `batchSize` each) while fewer
   * than `window` events are in flight.
   */
  private pump(): void {
    if (this.rewindWaiting) {
      if (this.rewindTimer || this.inFlight > 0) return; // still waiting to go back to the oldest unacked event
      this.rewindWaiting = false;
      this.sendIndex = 0;
    }
    const socket = this.socket;
    const window = this.options.window ?? 256;
    const batchSize = Math.min(this.options.batchSize ?? 50, MAX_EVENTS_PER_BATCH);
    const events = this.store.events();
    while (this.connected && socket && this.inFlight < window && this.sendIndex < events.length) {
      const batch = events.slice(this.sendIndex, this.sendIndex + Math.min(batchSize, window - this.inFlight));
      this.sendIndex += batch.length;
      this.inFlight += batch.length;
      const generation = this.generation;
      const connection = this.connection;
      for (const event of batch) this.emit("sent", event.seq);
      // No ack timeout: over one connection nothing is lost, a slow ack only means a busy server,
      // and resending then would add load exactly when there is too much. A cut connection
      // resends everything unacked after the next birth instead.
      socket.emit("events", { events: batch }, (reply?: { ok: boolean; results?: EventAck[] }) => {
        const settled: number[] = [];
        const refused: number[] = [];
        // Every answered event leaves the window, whichever round sent it: the window bounds what
        // the server holds for this line, even across rewinds.
        if (connection === this.connection) this.inFlight -= batch.length;
        batch.forEach((event, index) => this.onAck(event, generation, null, reply?.results?.[index], settled, refused));
        this.settle(settled, false);
        this.settle(refused, true);
        this.pump();
      });
    }
  }

  private onAck(event: LineEvent, generation: number, error: Error | null, ack: EventAck | undefined, settled: number[], refused: number[]): void {
    const current = generation === this.generation;
    if (!error && ack?.ok) {
      settled.push(event.seq);
      this.emit("acked", event.seq, ack.duplicate);
    } else if (!error && ack && !ack.ok && !ack.error.retryable) {
      // The server will never take it: drop it from the log now, so no restart resends it.
      refused.push(event.seq);
      this.emit("refused", event, ack.error);
    } else if (current) {
      this.scheduleRewind(!error && ack && !ack.ok ? (ack.error.retryAfterMs ?? 100) : 1_000);
    }
  }

  private settle(seqs: number[], compactNow: boolean): void {
    if (seqs.length === 0) return;
    const settled = new Set(seqs);
    const events = this.store.events();
    // Keep the send pointer on the same next event once the settled ones before it are gone.
    let before = 0;
    for (let i = 0; i < Math.min(this.sendIndex, events.length); i++) if (settled.has(events[i]!.seq)) before++;
    void this.store.settle(seqs, { compactNow });
    this.sendIndex -= before;
  }

  /**
   * After a retryable refusal: wait `delayMs`, and until every event still in flight has been
   * answered (the server answers in order, so by then it has stored all it will of this round),
   * then send again from the oldest unacked event. Resending earlier would only duplicate
   * events still queued at the server — exactly when it is too busy.
   */
  private scheduleRewind(delayMs: number): void {
    if (this.rewindTimer || this.rewindWaiting) return;
    this.generation++; // answers still in flight from this round no longer rewind again
    this.rewindWaiting = true;
    this.rewindTimer = setTimeout(() => {
      this.rewindTimer = null;
      this.pump();
    }, delayMs);
    this.rewindTimer.unref();
  }
}
