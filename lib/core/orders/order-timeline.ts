import type { OrderStatus } from "./order-status";

/**
 * The consumer's view of an order's life: the six steps, each done (with when), current, or
 * still ahead — from the order's status and its recorded events. Cancelled orders stop where
 * they were.
 */
export const TIMELINE_STEPS = ["placed", "parts_confirmed", "scheduled", "in_production", "completed", "shipped"] as const;
export type TimelineStepKey = (typeof TIMELINE_STEPS)[number];

export const STEP_LABELS: Record<TimelineStepKey, string> = {
  placed: "Order placed",
  parts_confirmed: "Parts confirmed",
  scheduled: "Scheduled",
  in_production: "In production",
  completed: "Completed",
  shipped: "Shipped",
};

export type TimelineStep = { key: TimelineStepKey; label: string; state: "done" | "current" | "upcoming"; at: string | null };

export function orderTimeline(status: OrderStatus, events: Array<{ kind: string; at: string }>): TimelineStep[] {
  const reachedIndex = status === "cancelled" ? lastReached(events) : TIMELINE_STEPS.indexOf(status as TimelineStepKey);
  return TIMELINE_STEPS.map((key, index) => {
    const at = [...events].reverse().find((event) => event.kind === key)?.at ?? null;
    const state = index < reachedIndex ? "done" : index === reachedIndex ? (status === "cancelled" || key === "shipped" ? "done" : "current") : "upcoming";
    return { key, label: STEP_LABELS[key], state, at: state === "upcoming" ? null : at };
  });
}

function lastReached(events: Array<{ kind: string }>): number {
  let reached = 0;
  for (const event of events) reached = Math.max(reached, TIMELINE_STEPS.indexOf(event.kind as TimelineStepKey));
  return reached;
}
