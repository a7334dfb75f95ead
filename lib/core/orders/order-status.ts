/**
 * An order's status follows from its parts and its jobs, so it is derived, never edited by
 * hand: placed → parts confirmed → scheduled → in production → completed → shipped (or
 * cancelled). Deriving it means every writer (suppliers, the planner, the line agents) only
 * records its own facts and the order cannot disagree with them.
 */
export type OrderStatus = "placed" | "parts_confirmed" | "scheduled" | "in_production" | "completed" | "shipped" | "cancelled";

export type JobStatus = "waiting_parts" | "ready" | "scheduled" | "queued" | "running" | "done" | "failed" | "cancelled";

export type OrderFacts = {
  cancelled: boolean;
  shipped: boolean;
  /** Every part is on hand, confirmed or received (no open or unsourced request). */
  partsConfirmed: boolean;
  jobStatuses: JobStatus[];
};

export function deriveOrderStatus(facts: OrderFacts): OrderStatus {
  if (facts.cancelled) return "cancelled";
  if (facts.shipped) return "shipped";
  const jobs = facts.jobStatuses;
  if (jobs.length > 0 && jobs.every((status) => status === "done")) return "completed";
  if (jobs.some((status) => status === "running" || status === "done" || status === "failed")) return "in_production";
  if (!facts.partsConfirmed) return "placed";
  if (jobs.length > 0 && jobs.every((status) => status === "scheduled" || status === "queued")) return "scheduled";
  return "parts_confirmed";
}

/** A consumer may cancel until production starts. */
export function canCancelOrder(status: OrderStatus): boolean {
  return status === "placed" || status === "parts_confirmed" || status === "scheduled";
}

/** Staff mark an order shipped once everything is made. */
export function canShipOrder(status: OrderStatus): boolean {
  return status === "completed";
}
