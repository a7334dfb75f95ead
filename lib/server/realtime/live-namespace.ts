import type { Namespace, Server, Socket } from "socket.io";
import { z } from "zod";
import { decideRoomJoin, parseRoomName, roomName, type Actor, type UserActor } from "@/lib/core/policy";
import { loadActorFromHeaders } from "../auth/load-actor";
import { logger } from "../logger";
import { loadRoomFacts } from "./load-room-facts";
import { HELD_SESSION_KEY, type HeldSession, type RedisFanout } from "./redis-adapter";

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
 * With Redis, a browser back within the recovery window gets its session back (`recovered`):
 * its rooms, each decided again by the same policy, and the events it missed.
 */
export function attachLiveNamespace(io: Server, fanout?: RedisFanout): Namespace {
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
  live.on("connection", async (socket) => {
    const actor = socket.data.actor as UserActor;
    socket.on("join", async (payload: unknown, ack?: Ack) => {
      const reply: Ack = typeof ack === "function" ? ack : () => {};
      const parsed = JoinSchema.safeParse(payload);
      try {
        const decision = parsed.success ? await decideLiveRoom(actor, parsed.data.room) : "invalid";
        if (decision === "invalid") return reply({ ok: false, error: { code: "INVALID_ROOM", message: "room: expected kind:id, e.g. order:…" } });
        if (decision !== "allow") return reply({ ok: false, error: { code: "ROOM_NOT_FOUND", message: "No such room, or not yours." } });
        await socket.join(parsed.data!.room);
        reply({ ok: true, room: parsed.data!.room });
      } catch (error) {
        logger.warn({ err: error }, "live room join failed");
        reply({ ok: false, error: { code: "JOIN_UNAVAILABLE", message: "Live updates are unavailable right now; try again." } });
      }
    });
    socket.on("leave", async (payload: unknown) => {
      const parsed = JoinSchema.safeParse(payload);
      if (parsed.success) await socket.leave(parsed.data.room);
    });
    const held = socket.data[HELD_SESSION_KEY] as HeldSession | undefined;
    delete socket.data[HELD_SESSION_KEY];
    try {
      const userRoom = roomName({ kind: "user", id: actor.userId });
      if ((await decideLiveRoom(actor, userRoom)) === "allow") await socket.join(userRoom);
      if (held) await resumeSession(live, socket, actor, held, fanout);
    } catch (error) {
      logger.warn({ err: error }, "live connection set-up failed; the browser reconnects");
      socket.conn.close();
    }
  });
  return live;
}

/**
 * The one decision for every room a `/live` socket is put in — asked for with `join`, or held by
 * a recovered session — with the same rules as the HTTP API.
 */
export async function decideLiveRoom(actor: Actor, name: string): Promise<"allow" | "invalid" | "refused"> {
  const room = parseRoomName(name);
  if (!room || roomName(room) !== name) return "invalid";
  const facts = await loadRoomFacts(room);
  // A room whose subject does not exist answers like one the actor may not see: no existence leak.
  if (!facts) return "refused";
  return decideRoomJoin(actor, room, facts) === "allow" ? "allow" : "refused";
}

/**
 * A recovered socket (connection state recovery) gets back only the rooms the policy still
 * allows, and the events it missed only if it got back every room and is the same user. Anything
 * less — a session presented by another user, a room no longer allowed, Redis not answering —
 * and the browser is told to join again and refetch (`live.resync`).
 */
async function resumeSession(live: Namespace, socket: Socket, actor: UserActor, held: HeldSession, fanout: RedisFanout | undefined) {
  const sameUser = (held.data as { actor?: UserActor } | null)?.actor?.userId === actor.userId;
  const rooms = held.rooms.filter((room) => room !== socket.id && !socket.rooms.has(room));
  const allowed = sameUser ? await Promise.all(rooms.map(async (room) => (await decideLiveRoom(actor, room)) === "allow")) : rooms.map(() => false);
  await socket.join(rooms.filter((_room, index) => allowed[index]));
  let complete = sameUser && allowed.every(Boolean) && fanout !== undefined;
  if (complete) {
    try {
      for (const [event, ...args] of await fanout!.missedPackets(live.name, held.offset, [...socket.rooms])) live.local.to(socket.id).emit(event as string, ...args);
    } catch (error) {
      logger.warn({ err: error }, "could not replay a recovered live session's missed events");
      complete = false;
    }
  }
  if (!complete) socket.emit("live.resync", { reason: "Join your rooms again and refetch." });
}
