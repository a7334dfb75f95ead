import type { Server } from "socket.io";
import { sql } from "../db/sql";
import { logger } from "../logger";
import { canFanOut, emitOutboxRows, type OutboxRow } from "./emit-outbox-rows";
import { outboxNudges } from "./outbox";
import type { RedisFanout } from "./redis-adapter";

const BATCH = 200;
const POLL_MS = 250;

/**
 * Emits committed outbox events to their Socket.IO rooms, oldest first. Rows are claimed with
 * FOR UPDATE SKIP LOCKED inside a transaction, so several processes on one PostgreSQL never
 * emit the same event twice and a crashed process's rows are picked up by the others. Rows are
 * marked dispatched in the same transaction, after the broadcasts reached every process
 * (emit-outbox-rows.ts): a crash before that commit leaves them for the next claim.
 */
export function startOutboxDispatcher(io: Server, fanout?: RedisFanout): { stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;

  const dispatchOnce = async (): Promise<number> => {
    if (!canFanOut(fanout)) return 0;
    // Plain SQL (lib/server/db/sql.ts): this runs after every order and every agent event.
    return sql().transaction(async (tx) => {
      const claimed = await tx.query<{ id: string; type: string; rooms: string[] | null; payload: unknown; createdAt: number }>(
        `SELECT "id"::text AS "id", "type", "rooms", "payload", (extract(epoch FROM "createdAt") * 1000)::float8 AS "createdAt" FROM "OutboxEvent"
         WHERE "dispatchedAt" IS NULL ORDER BY "id" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      if (claimed.length === 0) return 0;
      const batch: OutboxRow[] = claimed.map((row) => ({ id: BigInt(row.id), type: row.type, rooms: row.rooms ?? [], payload: row.payload, createdAt: new Date(row.createdAt) }));
      await emitOutboxRows(io, fanout, batch);
      await tx.query(`UPDATE "OutboxEvent" SET "dispatchedAt" = $1::timestamp(3) WHERE "id" = ANY($2::bigint[])`, [new Date().toISOString(), claimed.map((row) => row.id)]);
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
