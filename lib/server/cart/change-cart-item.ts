import type { Actor } from "@/lib/core/policy";
import { authorize } from "../auth/authorize";
import { db } from "../db";
import { notFound } from "../errors";

/** Changes the quantity of one of the consumer's own cart items (someone else's is not found). */
export async function updateCartItemQuantity(actor: Actor, itemId: string, quantity: number) {
  authorize(actor, "cart.use");
  const updated = await db.cartItem.updateMany({ where: { id: itemId, consumerId: actor.userId }, data: { quantity } });
  if (updated.count === 0) throw notFound("Cart item");
}

export async function removeCartItem(actor: Actor, itemId: string) {
  authorize(actor, "cart.use");
  const removed = await db.cartItem.deleteMany({ where: { id: itemId, consumerId: actor.userId } });
  if (removed.count === 0) throw notFound("Cart item");
}
