import type { OrderStatus } from "@/lib/core/orders/order-status";
import type { JobStatus } from "@/lib/core/production/job-state";
import { orderProgress, orderStatusAfterJobChange } from "@/lib/core/production/order-progress";
import type { OutboxEventInput } from "../realtime/outbox";
import type { BatchDecision, JobRow } from "./decide-line-batch";
import { jobUpdated, lineUpdated, orderUpdated } from "./line-live-events";

/** An outbox event caused by one line's events (stored only when they are). */
export type LineOutboxEvent = OutboxEventInput & { lineId: string };

/** The board's patches for a batch: each changed line, then each changed job. */
export function lineAndJobEvents(decision: Pick<BatchDecision, "changedLines" | "changedJobs">, now: Date): LineOutboxEvent[] {
  const events: LineOutboxEvent[] = decision.changedLines.map((line) => ({
    lineId: line.id,
    ...lineUpdated(line, { status: line.status, statusReason: line.statusReason, lastSeq: line.lastSeq, lastEventAt: line.lastEventAt?.toISOString() ?? null, lastSeenAt: now.toISOString(), online: true }),
  }));
  for (const job of decision.changedJobs) {
    events.push({
      lineId: job.lineId!,
      ...jobUpdated({ id: job.lineId!, manufacturerId: job.manufacturerId }, {
        jobId: job.id, lineId: job.lineId!, code: job.code, status: job.status, interrupted: job.interruptedAt !== null,
        progress: job.progress, goodCount: job.goodCount, scrapCount: job.scrapCount, orderId: job.orderId,
      }),
    });
  }
  return events;
}

/** One job of an order as stored (before the batch's own writes). */
export type OrderJobRow = { orderId: string; orderStatus: OrderStatus; manufacturerId: string; jobId: string; status: JobStatus; progress: number; minutes: number };

/**
 * Orders whose jobs moved: progress for the consumer on every change, and the order's status
 * when a job started or ended. `stored` are the orders' jobs as stored; the batch's jobs are
 * taken in their new state from `batchJobs`.
 */
export function orderEffects(stored: OrderJobRow[], orderIds: readonly string[], statusChanged: ReadonlySet<string>, batchJobs: ReadonlyMap<string, JobRow>) {
  const rows = stored.map((row) => {
    const job = batchJobs.get(row.jobId);
    return job ? { ...row, status: job.status, progress: job.progress } : row;
  });
  const statusUpdates: Array<{ id: string; status: OrderStatus }> = [];
  const outbox: OutboxEventInput[] = [];
  for (const orderId of orderIds) {
    const jobs = rows.filter((row) => row.orderId === orderId);
    if (jobs.length === 0) continue;
    const current = jobs[0]!.orderStatus;
    const next = statusChanged.has(orderId) ? orderStatusAfterJobChange(current, jobs.map((job) => job.status)) : current;
    if (next !== current) statusUpdates.push({ id: orderId, status: next });
    outbox.push(orderUpdated({ id: orderId, manufacturerId: jobs[0]!.manufacturerId }, { status: next, progress: orderProgress(jobs) }));
  }
  return { statusUpdates, outbox };
}

/** The orders of the jobs a batch changed. */
export function ordersOf(jobs: readonly JobRow[]): string[] {
  return [...new Set(jobs.flatMap((job) => (job.orderId ? [job.orderId] : [])))];
}
