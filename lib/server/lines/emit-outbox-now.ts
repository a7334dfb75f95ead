import { db } from "../db";
import { logger } from "../logger";
import { socketServer } from "../realtime/live-hub";

/**
 * The fast path for line events: right after commit, claim this batch's outbox rows and emit
 * them, rather than waiting for the dispatcher's next poll. Claiming (dispatchedAt IS NULL →
 * now, RETURNING) makes the dispatcher and this path emit each row exactly once between them;
 * a crash before the claim leaves the rows to the dispatcher.
 */
export async function emitOutboxNow(ids: bigint[]): Promise<void> {
  if (ids.length === 0) return;
  const io = socketServer();
  if (!io) return;
  try {
    const claimed = await db.$queryRaw<Array<{ id: bigint; type: string; rooms: string[]; payload: object; createdAt: Date }>>`
      UPDATE "OutboxEvent" SET "dispatchedAt" = now()
      WHERE "id" = ANY(${ids}::bigint[]) AND "dispatchedAt" IS NULL
      RETURNING "id", "type", "rooms", "payload", "createdAt"`;
    const live = io.of("/live");
    for (const row of claimed.sort((a, b) => (a.id < b.id ? -1 : 1))) {
      if (row.rooms.length > 0) live.to(row.rooms).emit(row.type, { ...row.payload, eventId: String(row.id), at: row.createdAt.toISOString() });
    }
  } catch (error) {
    logger.warn({ err: error }, "direct outbox emit failed; the dispatcher will deliver");
  }
}
