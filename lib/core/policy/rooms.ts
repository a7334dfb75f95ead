import { z } from "zod";
import type { Resource } from "./actions";
import type { Actor } from "./actor";
import { decide, type Decision } from "./decide";

/**
 * Socket.IO rooms. A browser asks to join one by name; the server loads the room's tenancy
 * facts and the policy decides with the same rules as HTTP, so a socket never sees more than
 * the pages would show.
 */
export const RoomSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("order"), id: z.string().min(1).max(64) }),
  z.object({ kind: z.literal("manufacturer"), id: z.string().min(1).max(64) }),
  z.object({ kind: z.literal("supplier"), id: z.string().min(1).max(64) }),
  z.object({ kind: z.literal("line"), id: z.string().min(1).max(64) }),
  z.object({ kind: z.literal("user"), id: z.string().min(1).max(64) }),
]);
export type Room = z.infer<typeof RoomSchema>;

export function roomName(room: Room): string {
  return `${room.kind}:${room.id}`;
}

export function parseRoomName(name: string): Room | null {
  const separator = name.indexOf(":");
  if (separator <= 0) return null;
  const parsed = RoomSchema.safeParse({ kind: name.slice(0, separator), id: name.slice(separator + 1) });
  return parsed.success ? parsed.data : null;
}

/** `facts` are what the server knows of the room's subject (the order's owner and manufacturer …). */
export function decideRoomJoin(actor: Actor, room: Room, facts: Resource): Decision {
  switch (room.kind) {
    case "order":
      return decide(actor, "order.read", facts);
    case "manufacturer":
      return decide(actor, "board.read", { manufacturerId: room.id });
    case "line":
      return decide(actor, "line.read", facts);
    case "supplier":
      if (actor.kind === "anonymous") return "unauthenticated";
      return actor.organizationKind === "supplier" && actor.organizationId === room.id ? "allow" : "hidden";
    case "user":
      if (actor.kind === "anonymous") return "unauthenticated";
      return actor.userId === room.id ? "allow" : "hidden";
  }
}
