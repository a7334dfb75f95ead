import type { Actor } from "@/lib/core/policy";
import { authorize } from "../auth/authorize";
import { db } from "../db";

export async function listOwnOrders(actor: Actor) {
  authorize(actor, "order.list-own");
  return db.order.findMany({
    where: { consumerId: actor.userId },
    orderBy: { placedAt: "desc" },
    select: { id: true, number: true, status: true, totalPrice: true, currency: true, placedAt: true, promisedDate: true, manufacturer: { select: { name: true } } },
  });
}
