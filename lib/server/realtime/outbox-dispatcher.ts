import type { Server } from "socket.io";
import { db } from "../db";
import { logger } from "../logger";
import { outboxNudges } from "./outbox";

const BATCH = 200;
const POLL_MS = 250;

type PendingEvent = { id: bigint; type: string; rooms: string[]; payload: unknown; createdAt: Date };

/**
 * Emits committed outbox events to their Socket.IO rooms, oldest first. Rows are claimed with
 * FOR UPDATE SKIP LOCKED inside a transaction, so several processes on one PostgreSQL never
 * emit the same event twice and a crashed process's rows are picked up by the others.
 */
export function startOutboxDispatcher(io: Server): { stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;

  const dispatchOnce = async (): Promise<number> => {
    return db.$transaction(async (tx) => {
      const batch = await tx.$queryRaw<PendingEvent[]>`
        SELECT "id", "type", "rooms", "payload", "createdAt" FROM "OutboxEvent"
        WHERE "dispatchedAt" IS NULL ORDER BY "id" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
      if (batch.length === 0) return 0;
      const live = io.of("/live");
      for (const event of batch) {
        if (event.rooms.length > 0) live.to(event.rooms).emit(event.type, { ...(event.payload as object), eventId: String(event.id), at: event.createdAt.toISOString() });
      }
      await tx.outboxEvent.updateMany({ where: { id: { in: batch.map((event) => event.id) } }, data: { dispatchedAt: new Date() } });
      return batch.length;
    });
  };

  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      try {
        do {
          again = false;
          while (!stopped && (await dispatchOnce()) === BATCH);
        } while (again && !stopped);
      } catch (error) {
        if (!stopped) logger.warn({ err: error }, "outbox dispatch failed; retrying at the next poll");
      } finally {
        running = null;
      }
    })();
  };

  const timer = setInterval(run, POLL_MS);
  timer.unref();
  outboxNudges.on("nudge", run);
  run();

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      outboxNudges.off("nudge", run);
      await running;
    },
  };
}
