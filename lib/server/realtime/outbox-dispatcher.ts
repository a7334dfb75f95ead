import type { Server } from "socket.io";
import { sql } from "../db/sql";
import { logger } from "../logger";
import { canFanOut, emitOutboxRows, type OutboxRow } from "./emit-outbox-rows";
import { outboxNudges } from "./outbox";
import type { RedisFanout } from "./redis-adapter";

const BATCH = 200;
const POLL_MS = 250;
/**
 * A nudge (a use case committed events) is answered within this many milliseconds, not at once:
 * under load the events of several orders and line events go out in one claim, not one each.
 */
const NUDGE_COALESCE_MS = 3;

type ClaimedRow = { id: string; type: string; rooms: string[] | null; payload: unknown; createdAt: number };
const CLAIMED_COLUMNS = `"id"::text AS "id", "type", "rooms", "payload", (extract(epoch FROM "createdAt") * 1000)::float8 AS "createdAt"`;

function outboxRowOf(row: ClaimedRow): OutboxRow {
  return { id: BigInt(row.id), type: row.type, rooms: row.rooms ?? [], payload: row.payload, createdAt: new Date(row.createdAt) };
}

/**
 * Emits committed outbox events to their Socket.IO rooms, oldest first. Rows are claimed with
 * FOR UPDATE SKIP LOCKED inside a transaction, so several processes on one PostgreSQL never
 * emit the same event twice and a crashed process's rows are picked up by the others. Rows are
 * marked dispatched in the same transaction, after the broadcasts reached every process
 * (emit-outbox-rows.ts): a crash before that commit leaves them for the next claim.
 *
 * A process alone (no Redis) claims and marks its rows in one statement and then emits them:
 * its events go only to its own sockets, which a crash between the two would cut anyway — and
 * browsers refetch on reconnect. One round trip instead of four, after every order and event.
 */
export function startOutboxDispatcher(io: Server, fanout?: RedisFanout): { stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;

  // Plain SQL (lib/server/db/sql.ts): this runs after every order and every agent event.
  const dispatchOnce = async (): Promise<number> => {
    if (!fanout) {
      const claimed = await sql().query<ClaimedRow>(
        `UPDATE "OutboxEvent" SET "dispatchedAt" = $1::timestamp(3)
         WHERE "id" IN (SELECT "id" FROM "OutboxEvent" WHERE "dispatchedAt" IS NULL ORDER BY "id" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
         RETURNING ${CLAIMED_COLUMNS}`,
        [new Date().toISOString()],
      );
      if (claimed.length > 0) await emitOutboxRows(io, undefined, claimed.map(outboxRowOf));
      return claimed.length;
    }
    if (!canFanOut(fanout)) return 0;
    return sql().transaction(async (tx) => {
      const claimed = await tx.query<ClaimedRow>(
        `SELECT ${CLAIMED_COLUMNS} FROM "OutboxEvent"
         WHERE "dispatchedAt" IS NULL ORDER BY "id" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      if (claimed.length === 0) return 0;
      await emitOutboxRows(io, fanout, claimed.map(outboxRowOf));
      await tx.query(`UPDATE "OutboxEvent" SET "dispatchedAt" = $1::timestamp(3) WHERE "id" = ANY($2::bigint[])`, [new Date().toISOString(), claimed.map((row) => row.id)]);
      return claimed.length;
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

  let nudged: NodeJS.Timeout | null = null;
  const onNudge = () => {
    nudged ??= setTimeout(() => {
      nudged = null;
      run();
    }, NUDGE_COALESCE_MS);
  };

  const timer = setInterval(run, POLL_MS);
  timer.unref();
  outboxNudges.on("nudge", onNudge);
  run();

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (nudged) clearTimeout(nudged);
      outboxNudges.off("nudge", onNudge);
      await running;
    },
  };
}
