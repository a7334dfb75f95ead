import type { OutboxEventInput } from "../realtime/outbox";
import { boardChanged } from "../planning/job-events";

/**
 * What a change to lines tells browsers: open boards refetch (`board.changed` to the
 * manufacturer's room), and other line-admin pages do too (they listen for the same event).
 */
export function linesChanged(manufacturerId: string, reason: string, by: string, lineId?: string): OutboxEventInput {
  const event = boardChanged(manufacturerId, reason, by);
  return { ...event, payload: { ...(event.payload as Record<string, unknown>), ...(lineId ? { lineId } : {}) } };
}
