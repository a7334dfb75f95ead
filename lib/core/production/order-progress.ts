import { deriveOrderStatus, type OrderStatus } from "../orders/order-status";
import type { JobStatus } from "./job-state";

/**
 * An order's status after one of its jobs changed on a line: in production once any job has
 * started, completed once every job is done. Cancelled and shipped orders stay as they are.
 * Delegates to the ordering core's derivation so the line and the ordering code never disagree.
 */
export function orderStatusAfterJobChange(current: OrderStatus, jobStatuses: JobStatus[]): OrderStatus {
  if (current === "cancelled" || current === "shipped") return current;
  const derived = deriveOrderStatus({ cancelled: false, shipped: false, partsConfirmed: current !== "placed", jobStatuses });
  // Line events only ever move an order forward into production or completion.
  return derived === "in_production" || derived === "completed" ? derived : current;
}

/** An order's overall progress in percent: its jobs' progress weighted by their minutes. */
export function orderProgress(jobs: Array<{ status: JobStatus; progress: number; minutes: number }>): number {
  const counted = jobs.filter((job) => job.status !== "cancelled");
  const total = counted.reduce((sum, job) => sum + Math.max(job.minutes, 1), 0);
  if (total === 0) return 0;
  const done = counted.reduce((sum, job) => sum + Math.max(job.minutes, 1) * (job.status === "done" ? 100 : job.progress), 0);
  return Math.round((done / total) * 10) / 10;
}
