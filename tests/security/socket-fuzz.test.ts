import fc from "fast-check";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventAck } from "@/lib/core/line-protocol";
import { db } from "@/lib/server/db";
import { resetAgentAuthFailures } from "@/lib/server/lines/authenticate-line-agent";
import { agentAuth, birthOf, createFactory, createOrderWithJobs, issueToken, queueJobs, startAgentServer, type Factory } from "../integration/agents/agent-fixtures";
import { connectOutcome } from "../support/socket-server";
import { hostileJsonBody, hostileValue, trappedBodies, type JsonLike } from "./support/hostile-input";
import { writeSecurityReport } from "./support/security-report";

// Fuzzing sends thousands of refused messages: the flood cut-off would end the session first.
process.env.AGENT_MAX_MESSAGES_PER_SECOND = "100000";

/**
 * Hostile socket messages: handshakes, births, events and batches from an authenticated agent,
 * and room joins from a browser. Every one is answered (never a crash, never a silent drop of
 * a message with an ack), refusals name the field, and nothing refused is stored.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40) * 2;
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const HANDSHAKE_CODES = new Set(["AGENT_AUTH_MALFORMED", "AGENT_PROTOCOL_UNSUPPORTED", "LINE_UNKNOWN", "TOKEN_INVALID"]);
const EVENT_FINAL_CODES = new Set(["MALFORMED_MESSAGE", "MESSAGE_TOO_LARGE", "EVENT_IN_FUTURE", "EVENT_TOO_OLD", "JOB_NOT_ON_LINE", "INVALID_TRANSITION"]);
const counts: Record<string, number> = {};

let server: Awaited<ReturnType<typeof startAgentServer>>;
let factory: Factory;
let lineId: string;
let token: string;
let jobId: string;

beforeAll(async () => {
  server = await startAgentServer();
  factory = await createFactory();
  lineId = factory.lines[0]!.id;
  token = (await issueToken(factory, lineId)).token;
  const { jobs } = await createOrderWithJobs(factory, 1);
  jobId = jobs[0]!.id;
  await queueJobs(factory, lineId, [jobId]);
});
afterAll(async () => {
  await server?.close();
  writeSecurityReport("socket-fuzz", { ...counts, total: Object.values(counts).reduce((sum, count) => sum + count, 0), seed: SEED ?? "random" });
});

const count = (what: string) => (counts[what] = (counts[what] ?? 0) + 1);
const storedEvents = () => db.lineEvent.count({ where: { lineId } });

/** A connected agent, born with a session above any stored one (a fuzzed birth may have raised it). */
async function bornAgent(): Promise<Socket> {
  const session = ((await db.line.findUniqueOrThrow({ where: { id: lineId } })).agentSession ?? 0) + 1;
  const socket = server.rawAgent(agentAuth(lineId, token));
  socket.on("queue", (queue: { planVersion: number }, reply: (answer: unknown) => void) => reply({ planVersion: queue.planVersion }));
  expect(await connectOutcome(socket)).toBe("connected");
  expect(await socket.timeout(5_000).emitWithAck("birth", birthOf({ session }))).toMatchObject({ ok: true });
  return socket;
}

describe("hostile agent handshakes", () => {
  it("every handshake payload is refused with a protocol code, unless it is the real credential", async () => {
    const valid = agentAuth(lineId, token) as unknown as JsonLike;
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileJsonBody(valid).map(({ text }) => safeParse(text)), hostileValue).filter(fitsFrame), async (auth) => {
        count("handshake");
        resetAgentAuthFailures();
        const socket = server.rawAgent((auth && typeof auth === "object" && !Array.isArray(auth) ? auth : { value: auth }) as Record<string, unknown>);
        const outcome = await connectOutcome(socket);
        socket.disconnect();
        if (outcome === "connected") {
          // Only the real line and token get in (extra keys are refused: the schema is strict).
          expect(auth).toMatchObject({ lineId, token });
          return;
        }
        expect(HANDSHAKE_CODES.has(outcome.code), JSON.stringify(outcome)).toBe(true);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });
});

describe("hostile messages from an authenticated agent", () => {
  it("births, events and batches: answered, refusals name the field, nothing refused is stored", async () => {
    let socket = await bornAgent();
    let seq = (await db.line.findUniqueOrThrow({ where: { id: lineId } })).lastSeq;
    const validEvent = (): JsonLike => ({ seq: seq + 1, at: new Date().toISOString(), type: "job_progress", jobId, percent: 10, good: 1, scrap: 0 });
    const validBirth = birthOf({ session: 1 }) as unknown as JsonLike;

    const message = fc.oneof(
      hostileJsonBody(validBirth).map(({ text }) => ({ event: "birth", payload: safeParse(text) })),
      fc.constant(null).chain(() => hostileJsonBody(validEvent())).map(({ text }) => ({ event: "event", payload: safeParse(text) })),
      fc.constant(null).chain(() => hostileJsonBody({ events: [validEvent()] })).map(({ text }) => ({ event: "events", payload: safeParse(text) })),
    );
    await fc.assert(
      fc.asyncProperty(message.filter(({ payload }) => fitsFrame(payload)), async ({ event, payload }) => {
        count(event);
        const before = await storedEvents();
        const reply = (await socket.timeout(5_000).emitWithAck(event, payload)) as { ok: boolean; results?: EventAck[]; error?: { code: string; message: string } };
        const refusals = event === "events" && reply.ok ? (reply.results ?? []).filter((result) => !result.ok) : reply.ok ? [] : [reply];
        for (const refusal of refusals as Array<{ error?: { code: string; message: string } }>) {
          if (event !== "birth") expect(EVENT_FINAL_CODES.has(refusal.error!.code) || refusal.error!.code === "RESEND_REQUIRED", JSON.stringify(refusal)).toBe(true);
          if (refusal.error!.code === "MALFORMED_MESSAGE") expect(refusal.error!.message, "names the field").toMatch(/^[^:]+: /);
        }
        const accepted = event === "events" ? (reply.results ?? []).filter((result) => result.ok && !result.duplicate).length : event === "event" && reply.ok && !(reply as unknown as EventAck & { duplicate?: boolean }).duplicate ? 1 : 0;
        expect(await storedEvents(), "only accepted events are stored").toBe(before + accepted);
        seq = (await db.line.findUniqueOrThrow({ where: { id: lineId } })).lastSeq;
        // A fuzzed birth may start a newer session (a restart); the next one below it is a zombie
        // and is cut off (SESSION_STALE), as the protocol says. Carry on as the newest agent.
        if (reply.error?.code === "SESSION_STALE" || !socket.connected) socket = await bornAgent();
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expect(socket.connected, "the session survived the fuzzing").toBe(true);
    socket.disconnect();
  });

  it("text traps in every string of an event or a birth are refused as malformed, never a persistence failure to retry forever", async () => {
    const socket = await bornAgent();
    const event: JsonLike = { seq: 1, at: new Date().toISOString(), type: "job_interrupted", jobId, reason: "jam at station 3", correlationId: "c-1" };
    const problems: string[] = [];
    for (const { text, how } of trappedBodies(event)) {
      count("event traps");
      const before = await storedEvents();
      const seq = (await db.line.findUniqueOrThrow({ where: { id: lineId } })).lastSeq + 1;
      const reply = (await socket.timeout(5_000).emitWithAck("event", { ...JSON.parse(text), seq })) as EventAck;
      if (reply.ok || reply.error.retryable) problems.push(`${how}: ${JSON.stringify(reply)}`);
      if ((await storedEvents()) !== before + (reply.ok ? 1 : 0)) problems.push(`${how}: stored though refused`);
    }
    for (const { text, how } of trappedBodies(birthOf({ agentVersion: "1.2.3", capabilities: ["progress"] }) as unknown as JsonLike)) {
      count("birth traps");
      const session = ((await db.line.findUniqueOrThrow({ where: { id: lineId } })).agentSession ?? 0) + 1;
      const reply = (await socket.timeout(5_000).emitWithAck("birth", { ...JSON.parse(text), session })) as { ok: boolean; error?: { code: string; retryable?: boolean } };
      if (!reply.ok && reply.error?.code !== "MALFORMED_MESSAGE") problems.push(`birth ${how}: ${JSON.stringify(reply)}`);
    }
    socket.disconnect();
    // A trap that is valid text (bidi override, BOM, CRLF) may be stored as is; NUL and lone surrogates may not.
    expect(problems.filter((problem) => /\\u0000|\\ud800|\\udfff/.test(problem))).toEqual([]);
  });
});

describe("oversized frames", () => {
  it("a frame over the limit closes that connection only; the server keeps serving", async () => {
    const socket = await bornAgent();
    const closed = new Promise<string>((resolve) => socket.once("disconnect", resolve));
    socket.emit("event", { seq: 1, at: new Date().toISOString(), type: "status", status: "running", reason: "x".repeat(300_000) }, () => {});
    expect(await closed).toBe("transport close");
    count("oversized");
    const again = await bornAgent();
    expect(again.connected).toBe(true);
    again.disconnect();
  });
});

describe("hostile room joins", () => {
  it("any join payload is answered INVALID_ROOM or ROOM_NOT_FOUND", async () => {
    const live = server.live(factory.planner.cookie);
    expect(await connectOutcome(live)).toBe("connected");
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileValue, hostileJsonBody({ room: `line:${lineId}` }).map(({ text }) => safeParse(text))).filter(fitsFrame), async (payload) => {
        count("join");
        const reply = (await live.timeout(5_000).emitWithAck("join", payload)) as { ok: boolean; room?: string; error?: { code: string } };
        if (reply.ok) expect(reply.room).toBe(`line:${lineId}`);
        else expect(["INVALID_ROOM", "ROOM_NOT_FOUND"]).toContain(reply.error!.code);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    live.disconnect();
  });
});

/** Socket.IO drops (and disconnects) frames over maxHttpBufferSize (256 KiB): tested on its own below. */
const FRAME_LIMIT = 200_000;
const fitsFrame = (payload: unknown) => (JSON.stringify(payload) ?? "").length < FRAME_LIMIT;

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text; // not JSON: the agent sends the string itself
  }
}
