import { clock } from "../clock";
import { db } from "../db";
import { logger } from "../logger";
import { nudgeOutbox, writeOutboxEvent } from "../realtime/outbox";
import { lineOffline, lineUpdated } from "./line-live-events";

/**
 * The agent's connection ended (disconnect, missed heartbeats, revocation). Only the connection
 * that made the line online may take it offline: a newer connection (its own connectedAt) has
 * already replaced it.
 */
export async function markLineOffline(line: { id: string; manufacturerId: string; code: string }, connectedAt: Date, reason: string): Promise<boolean> {
  try {
    const now = clock.now();
    const changed = await db.$transaction(async (tx) => {
      const { count } = await tx.line.updateMany({ where: { id: line.id, online: true, connectedAt }, data: { online: false, connectedAt: null, lastSeenAt: now } });
      if (count === 0) return false;
      await writeOutboxEvent(tx, lineUpdated(line, { online: false, lastSeenAt: now.toISOString() }));
      await writeOutboxEvent(tx, lineOffline(line, now, reason));
      return true;
    });
    if (changed) nudgeOutbox();
    return changed;
  } catch (error) {
    logger.error({ err: error, lineId: line.id }, "could not mark a line offline");
    return false;
  }
}

/**
 * At start-up no agent is connected to this process yet: lines it left online when it stopped
 * are offline. (One process per database; with several, each would own its lines' sockets.)
 */
export async function markAllLinesOffline(): Promise<number> {
  const { count } = await db.line.updateMany({ where: { online: true }, data: { online: false, connectedAt: null } });
  return count;
}
