import type { Actor } from "@/lib/core/policy";
import { db } from "../db";
import { requirePlanner } from "../planning/load-planning-state";

/** Orders waiting for the planner to confirm a revised date, oldest promise first. */
export async function listRevisedDates(actor: Actor) {
  const planner = requirePlanner(actor, "board.read");
  const orders = await db.order.findMany({
    where: { manufacturerId: planner.organizationId, revisedPromisedDate: { not: null } },
    orderBy: { promisedDate: "asc" },
    take: 200,
    select: { id: true, number: true, promisedDate: true, revisedPromisedDate: true, revisionCause: true },
  });
  return {
    orders: orders.map((order) => ({
      id: order.id,
      number: order.number,
      promisedDate: order.promisedDate?.toISOString().slice(0, 10) ?? null,
      revisedDate: order.revisedPromisedDate!.toISOString().slice(0, 10),
      cause: order.revisionCause,
    })),
  };
}
