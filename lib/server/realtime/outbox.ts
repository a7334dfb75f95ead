import { EventEmitter } from "node:events";
import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "../db";

/**
 * Domain events for browsers. A use case writes one in the same transaction as the change it
 * announces; after commit the dispatcher emits it to its rooms. So an event exists exactly
 * when its change does, and a crash between commit and emit only delays it.
 */
export type OutboxEventInput = { type: string; rooms: string[]; payload: Prisma.InputJsonValue };

export async function writeOutboxEvent(tx: Tx, event: OutboxEventInput): Promise<void> {
  await tx.outboxEvent.create({ data: { type: event.type, rooms: event.rooms, payload: event.payload } });
}

/** Several events in one statement (they keep their order: ids are assigned in insertion order). */
export async function writeOutboxEvents(tx: Tx, events: OutboxEventInput[]): Promise<void> {
  if (events.length === 0) return;
  await tx.outboxEvent.createMany({ data: events.map((event) => ({ type: event.type, rooms: event.rooms, payload: event.payload })) });
}

const globalForOutbox = globalThis as unknown as { __tailorlineOutboxNudge?: EventEmitter };
export const outboxNudges = (globalForOutbox.__tailorlineOutboxNudge ??= new EventEmitter());

/** Tells the dispatcher of this process to look now rather than at its next poll. */
export function nudgeOutbox(): void {
  outboxNudges.emit("nudge");
}
