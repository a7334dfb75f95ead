import { QueueAckSchema } from "@/lib/core/line-protocol";
import { clock } from "../clock";
import { db } from "../db";
import { logger } from "../logger";
import { nudgeOutbox, writeOutboxEvent } from "../realtime/outbox";
import { askLineAgent } from "./agent-sockets";
import { buildLineQueue } from "./build-line-queue";
import { lineUpdated } from "./line-live-events";

const QUEUE_ACK_TIMEOUT_MS = 5_000;

export type QueuePushResult = { delivered: false; planVersion: number | null } | { delivered: true; planVersion: number; acked: boolean };

/**
 * Sends a line its queue, built from the database, and records the plan version the agent
 * acknowledges. Called after a plan is published and on every agent birth. An agent that is
 * offline gets its queue at its next birth, so nothing here needs retrying.
 */
export async function pushLineQueue(lineId: string): Promise<QueuePushResult> {
  const queue = await buildLineQueue(lineId);
  if (!queue) return { delivered: false, planVersion: null };
  let replies: unknown[] | null;
  try {
    replies = await askLineAgent(lineId, "queue", queue, QUEUE_ACK_TIMEOUT_MS);
  } catch (error) {
    logger.warn({ err: error, lineId, planVersion: queue.planVersion }, "line agent did not acknowledge its queue in time");
    return { delivered: true, planVersion: queue.planVersion, acked: false };
  }
  if (!replies || replies.length === 0) return { delivered: false, planVersion: queue.planVersion };
  const acked = replies.some((reply) => {
    const parsed = QueueAckSchema.safeParse(reply);
    return parsed.success && parsed.data.planVersion === queue.planVersion;
  });
  if (acked) await recordQueueAck(lineId, queue.planVersion);
  return { delivered: true, planVersion: queue.planVersion, acked };
}

async function recordQueueAck(lineId: string, planVersion: number): Promise<void> {
  const now = clock.now();
  await db.$transaction(async (tx) => {
    const line = await tx.line.update({ where: { id: lineId }, data: { ackedPlanVersion: planVersion, ackedPlanAt: now }, select: { id: true, manufacturerId: true } });
    await writeOutboxEvent(tx, lineUpdated(line, { ackedPlanVersion: planVersion }));
  });
  nudgeOutbox();
}
