import { clock } from "../clock";
import { db } from "../db";
import { logger } from "../logger";
import { nudgeOutbox, writeOutboxEvents } from "../realtime/outbox";
import { lineCommandUpdated } from "./line-live-events";

/** How long an accepted command may wait for the event that says it is done. */
export const COMMAND_DONE_TIMEOUT_MS = Number(process.env.LINE_COMMAND_DONE_TIMEOUT_MS ?? 120_000);

type ExpiredRow = { id: string; lineId: string; manufacturerId: string; kind: string; jobId: string | null; status: string; reason: string | null };

/**
 * A command the agent accepted but never reported done (it crashed before writing the event, or
 * the line could not do it after all) would otherwise stay "accepted" for ever: it becomes
 * "timed_out" with the reason, so the planner sees it and can look at the line. One UPDATE …
 * RETURNING: with several app processes sweeping, each expired command is announced once. A
 * "done" that arrives later still completes it (persist-line-events.ts).
 */
export async function expireUnfinishedCommands(timeoutMs = COMMAND_DONE_TIMEOUT_MS): Promise<number> {
  const now = clock.now();
  const cutoff = new Date(now.getTime() - timeoutMs);
  const minutes = Math.round(timeoutMs / 60_000);
  const reason = `The line accepted the command but did not report it done within ${minutes >= 1 ? `${minutes} min` : `${Math.round(timeoutMs / 1000)} s`}; check the line.`;
  return db.$transaction(async (tx) => {
    const expired = await tx.$queryRaw<ExpiredRow[]>`
      UPDATE "LineCommand" AS c SET "status" = 'timed_out', "reason" = ${reason}, "answeredAt" = ${now}
      FROM "Line" AS l
      WHERE c."lineId" = l."id" AND c."status" = 'accepted' AND c."answeredAt" < ${cutoff}
      RETURNING c."id", c."lineId", l."manufacturerId", c."kind"::text AS "kind", c."jobId", c."status"::text AS "status", c."reason"`;
    if (expired.length === 0) return 0;
    await writeOutboxEvents(tx, expired.map((row) => lineCommandUpdated({ id: row.lineId, manufacturerId: row.manufacturerId }, row)));
    return expired.length;
  });
}

/** Runs the expiry on every process, every `intervalMs`; a failed sweep is retried at the next. */
export function startCommandExpiry(intervalMs = Number(process.env.LINE_COMMAND_SWEEP_INTERVAL_MS ?? 15_000)): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    expireUnfinishedCommands()
      .then((count) => {
        if (count > 0) nudgeOutbox();
      })
      .catch((error: unknown) => logger.warn({ err: error }, "could not expire unfinished line commands"))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
