import { db } from "../db";
import { logger } from "../logger";
import { emitOutboxRows, type OutboxRow } from "../realtime/emit-outbox-rows";
import { socketFanout, socketServer } from "../realtime/live-hub";

/**
 * The fast path for line events: right after commit, claim this batch's outbox rows and emit
 * them, rather than waiting for the dispatcher's next poll. Claiming (dispatchedAt IS NULL →
 * now, RETURNING) makes the dispatcher and this path emit each row exactly once between them.
 * The claim commits only after the emit reached every process (emit-outbox-rows.ts): a crash
 * or a Redis failure before that leaves the rows to the dispatcher, here or on another process.
 */
export async function emitOutboxNow(ids: bigint[]): Promise<void> {
  if (ids.length === 0) return;
  const io = socketServer();
  if (!io) return;
  const fanout = socketFanout();
  if (fanout && !fanout.isReady()) return;
  try {
    await db.$transaction(async (tx) => {
      const claimed = await tx.$queryRaw<OutboxRow[]>`
        UPDATE "OutboxEvent" SET "dispatchedAt" = now()
        WHERE "id" = ANY(${ids}::bigint[]) AND "dispatchedAt" IS NULL
        RETURNING "id", "type", "rooms", "payload", "createdAt"`;
      await emitOutboxRows(io, fanout, claimed);
    });
  } catch (error) {
    logger.warn({ err: error }, "direct outbox emit failed; the dispatcher will deliver");
  }
}
