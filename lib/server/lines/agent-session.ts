import type { Socket } from "socket.io";
import { BirthSchema, LineEventSchema, MAX_EVENTS_PER_BATCH, MessageBudget, messageSize, protocolError, type EventAck, type ProtocolLimits } from "@/lib/core/line-protocol";
import { recordAudit } from "../audit/record-audit";
import { clock } from "../clock";
import { db } from "../db";
import { logger } from "../logger";
import type { AgentIdentity } from "./authenticate-line-agent";
import type { HandshakeGate } from "./handshake-gate";
import type { LineEventIngestor } from "./line-event-ingestor";
import { markLineOffline } from "./mark-line-offline";
import { pushLineQueue } from "./push-line-queue";
import { recordAgentBirth } from "./record-agent-birth";

type Reply = (payload: unknown) => void;

/**
 * One agent connection speaking protocol v1: birth, then events. Every byte is untrusted: each
 * message is size-checked, rate-limited and parsed before anything else, a handler never
 * throws, and a message without an ack callback is dropped (the protocol requires one).
 */
export function runAgentSession(socket: Socket, agent: AgentIdentity, deps: { ingestor: LineEventIngestor; limits: ProtocolLimits; gate: HandshakeGate }): void {
  const { limits } = deps;
  const line = { id: agent.lineId, manufacturerId: agent.manufacturerId, code: agent.lineCode };
  const state = {
    born: false,
    connectedAt: null as Date | null,
    /** After a retryable refusal of seq N, nothing past N is stored until N comes again. */
    resendFrom: null as number | null,
    budget: new MessageBudget(limits.maxMessagesPerSecond, clock.now().getTime()),
    refusals: { windowStartMs: 0, count: 0 },
  };

  /** Counts refusals for flooding and malformed traffic; past the limit the connection is cut. */
  const countRefusal = () => {
    const nowMs = clock.now().getTime();
    if (nowMs - state.refusals.windowStartMs >= 1_000) state.refusals = { windowStartMs: nowMs, count: 0 };
    state.refusals.count++;
    if (state.refusals.count === limits.maxMessagesPerSecond) {
      logger.warn({ lineId: line.id }, "agent flooding: disconnecting");
      void db.$transaction((tx) =>
        recordAudit(tx, { actor: { kind: "agent", lineId: line.id, organizationId: line.manufacturerId }, action: "agent.flood", targetType: "line", targetId: line.id, outcome: "failure", address: socket.handshake.address, details: { refusedPerSecond: state.refusals.count } }),
      ).catch((error) => logger.error({ err: error }, "could not audit an agent flood"));
      socket.disconnect(true);
    }
  };

  const gate = (payload: unknown, ack: unknown): Reply | null => {
    if (typeof ack !== "function") {
      countRefusal();
      return null;
    }
    const reply = ack as Reply;
    const seq = seqOf(payload);
    const budget = state.budget.take(clock.now().getTime());
    if (!budget.allowed) {
      countRefusal();
      if (seq !== null) state.resendFrom = Math.min(state.resendFrom ?? seq, seq);
      reply({ ok: false, seq, error: protocolError("RATE_LIMITED", undefined, budget.retryAfterMs) });
      return null;
    }
    if (messageSize(payload) > limits.maxMessageBytes) {
      countRefusal();
      reply({ ok: false, seq, error: protocolError("MESSAGE_TOO_LARGE", `Messages are limited to ${limits.maxMessageBytes} bytes.`) });
      return null;
    }
    return reply;
  };

  socket.on("birth", async (payload: unknown, ack: unknown) => {
    const reply = gate(payload, ack);
    if (!reply) return;
    const birth = BirthSchema.safeParse(payload);
    if (!birth.success) return reply({ ok: false, error: protocolError("MALFORMED_MESSAGE", describeIssues(birth.error.issues)) });
    try {
      const outcome = await deps.gate.run(() => recordAgentBirth(agent, birth.data));
      if (!outcome.ok) {
        reply({ ok: false, error: protocolError("SESSION_STALE", outcome.message) });
        socket.disconnect(true);
        return;
      }
      state.born = true;
      state.connectedAt = outcome.connectedAt;
      state.resendFrom = null;
      // The line's state for the event path is read before the agent hears it may send events.
      await deps.ingestor.prime(line.id);
      reply({ ok: true, lineId: line.id, kind: outcome.kind, storedSeq: outcome.storedSeq, serverTime: clock.now().toISOString(), limits });
      await pushLineQueue(line.id);
    } catch (error) {
      logger.error({ err: error, lineId: line.id }, "agent birth failed");
      reply({ ok: false, error: protocolError("PERSIST_FAILED", "The birth could not be recorded; send it again.") });
    }
  });

  /** One event, already past the message gate: parse, order check, then the group commit. */
  const handleEvent = (payload: unknown): Promise<EventAck> => {
    if (messageSize(payload) > limits.maxMessageBytes) {
      countRefusal();
      return Promise.resolve({ ok: false, seq: seqOf(payload), error: protocolError("MESSAGE_TOO_LARGE", `Events are limited to ${limits.maxMessageBytes} bytes.`) });
    }
    const parsed = LineEventSchema.safeParse(payload);
    if (!parsed.success) {
      countRefusal();
      return Promise.resolve({ ok: false, seq: seqOf(payload), error: protocolError("MALFORMED_MESSAGE", describeIssues(parsed.error.issues)) });
    }
    const event = parsed.data;
    if (!state.born) return Promise.resolve({ ok: false, seq: event.seq, error: protocolError("BIRTH_REQUIRED") });
    if (state.resendFrom !== null) {
      if (event.seq > state.resendFrom) return Promise.resolve({ ok: false, seq: event.seq, error: protocolError("RESEND_REQUIRED") });
      state.resendFrom = null; // the agent went back to the gap: in order again
    }
    return new Promise((resolve) =>
      deps.ingestor.submit(line.id, event, {
        canPersist: () => state.resendFrom === null || event.seq <= state.resendFrom,
        reply: (result) => {
          if (!result.ok && result.error.retryable) state.resendFrom = Math.min(state.resendFrom ?? event.seq, event.seq);
          resolve(result);
        },
      }),
    );
  };

  socket.on("event", (payload: unknown, ack: unknown) => {
    const reply = gate(payload, ack);
    if (reply) void handleEvent(payload).then(reply);
  });

  // A batch of events in seq order, answered with one result per event in the same order.
  socket.on("events", (payload: unknown, ack: unknown) => {
    if (typeof ack !== "function") return countRefusal();
    const reply = ack as Reply;
    const events = (payload as { events?: unknown } | null)?.events;
    if (!Array.isArray(events) || events.length === 0 || events.length > MAX_EVENTS_PER_BATCH) {
      countRefusal();
      return reply({ ok: false, error: protocolError(Array.isArray(events) && events.length > MAX_EVENTS_PER_BATCH ? "MESSAGE_TOO_LARGE" : "MALFORMED_MESSAGE", `events: 1 to ${MAX_EVENTS_PER_BATCH} events`) });
    }
    const first = seqOf(events[0]);
    // A batch past the seq the agent must resend from is refused before it costs budget. Charged,
    // the tail of a resent window spent the tokens its head was waiting for, round after round,
    // and the agent rewound for ever without storing anything (a livelock after reconnects).
    if (state.resendFrom !== null && first !== null && first > state.resendFrom) {
      countRefusal(); // free of budget, not of the flood limit
      const error = protocolError("RESEND_REQUIRED");
      return reply({ ok: true, results: events.map((event) => ({ ok: false, seq: seqOf(event), error })) });
    }
    const budget = state.budget.take(clock.now().getTime(), events.length);
    if (!budget.allowed) {
      countRefusal();
      const error = protocolError("RATE_LIMITED", undefined, budget.retryAfterMs);
      if (first !== null) state.resendFrom = Math.min(state.resendFrom ?? first, first);
      return reply({ ok: true, results: events.map((event) => ({ ok: false, seq: seqOf(event), error })) });
    }
    void Promise.all(events.map(handleEvent)).then((results) => reply({ ok: true, results }));
  });

  socket.on("disconnect", (reason) => {
    if (!state.connectedAt || socket.data.superseded) return;
    void markLineOffline(line, state.connectedAt, reason);
  });
}

/** The newest connection of a line wins; the older one is closed without an offline flap. */
export function supersede(socket: Socket): void {
  socket.data.superseded = true;
  socket.emit("superseded", { message: "Another connection of this line's agent replaced this one." });
  socket.disconnect(true);
}

function seqOf(payload: unknown): number | null {
  const seq = (payload as { seq?: unknown } | null)?.seq;
  return typeof seq === "number" && Number.isInteger(seq) ? seq : null;
}

function describeIssues(issues: Array<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join(".") || "(message)"}: ${issue.message}`)
    .join("; ")
    .slice(0, 300);
}
