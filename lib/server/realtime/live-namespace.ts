import type { Namespace, Server, Socket } from "socket.io";
import { z } from "zod";
import { decideRoomJoin, parseRoomName, roomName, type Actor, type UserActor } from "@/lib/core/policy";
import { loadActorFromHeaders } from "../auth/load-actor";
import { logger } from "../logger";
import { loadRoomFacts } from "./load-room-facts";

const JoinSchema = z.object({ room: z.string().min(3).max(80) });

type Ack = (reply: { ok: true; room: string } | { ok: false; error: { code: string; message: string } }) => void;

export function headersOf(socket: Socket): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(socket.handshake.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(", "));
  }
  return headers;
}

function refusal(code: string, message: string) {
  return Object.assign(new Error(message), { data: { code, message } });
}

/**
 * `/live`: browsers, authenticated by their Auth.js session cookie. A socket joins its user's
 * room at once; every other room is asked for with `join` and decided by the policy, with the
 * same rules as the HTTP API. Events are hints: browsers refetch on them and on reconnect.
 */
export function attachLiveNamespace(io: Server): Namespace {
  const live = io.of("/live");
  live.use(async (socket, next) => {
    try {
      const actor = await loadActorFromHeaders(headersOf(socket));
      if (actor.kind === "anonymous") return next(refusal("UNAUTHENTICATED", "Sign in to receive live updates."));
      socket.data.actor = actor;
      next();
    } catch (error) {
      logger.warn({ err: error }, "live socket authentication failed");
      next(refusal("AUTH_UNAVAILABLE", "Live updates are unavailable right now; retrying."));
    }
  });
  live.on("connection", (socket) => {
    const actor = socket.data.actor as UserActor;
    void socket.join(roomName({ kind: "user", id: actor.userId }));
    socket.on("join", async (payload: unknown, ack?: Ack) => {
      const reply: Ack = typeof ack === "function" ? ack : () => {};
      const parsed = JoinSchema.safeParse(payload);
      const room = parsed.success ? parseRoomName(parsed.data.room) : null;
      if (!room) return reply({ ok: false, error: { code: "INVALID_ROOM", message: "room: expected kind:id, e.g. order:…" } });
      const decision = await joinDecision(actor, room);
      if (decision !== "allow") return reply({ ok: false, error: { code: "ROOM_NOT_FOUND", message: "No such room, or not yours." } });
      await socket.join(roomName(room));
      reply({ ok: true, room: roomName(room) });
    });
    socket.on("leave", async (payload: unknown) => {
      const parsed = JoinSchema.safeParse(payload);
      if (parsed.success) await socket.leave(parsed.data.room);
    });
  });
  return live;
}

async function joinDecision(actor: Actor, room: NonNullable<ReturnType<typeof parseRoomName>>) {
  const facts = await loadRoomFacts(room);
  // A room whose subject does not exist answers like one the actor may not see: no existence leak.
  if (!facts) return "hidden" as const;
  return decideRoomJoin(actor, room, facts);
}
