import type { Server } from "socket.io";
import type { RedisFanout } from "./redis-adapter";

export type OutboxRow = { id: bigint; type: string; rooms: string[]; payload: unknown; createdAt: Date };

/**
 * Emits claimed outbox rows to their `/live` rooms, oldest first, and returns only when every
 * process can see them: with Redis, when each broadcast is in the stream. Call it inside the
 * transaction that marks the rows dispatched; if it throws (Redis down, too slow), the claim
 * rolls back and the rows go out again later. So delivery is at least once — a browser may see
 * an event twice after a crash, never miss it; each carries its `eventId`.
 */
export async function emitOutboxRows(io: Server, fanout: RedisFanout | undefined, rows: OutboxRow[]): Promise<void> {
  const mark = fanout?.mark() ?? 0;
  const live = io.of("/live");
  for (const row of [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (row.rooms.length > 0) live.to(row.rooms).emit(row.type, { ...(row.payload as object), eventId: String(row.id), at: row.createdAt.toISOString() });
  }
  if (fanout) await fanout.published(mark);
}

/** Claiming rows while Redis is unreachable would only roll back: wait for it instead. */
export function canFanOut(fanout: RedisFanout | undefined): boolean {
  return !fanout || fanout.isReady();
}
