import { checkConfigurationRequest } from "@/lib/core/configurator/check-configuration-request";
import type { AddToCart } from "@/lib/core/orders/cart-schemas";
import type { Actor } from "@/lib/core/policy";
import type { Prisma } from "@/generated/prisma/client";
import { authorize } from "../auth/authorize";
import { loadPublishedProducts } from "../catalogue/load-product-version";
import { db } from "../db";
import { AppError } from "../errors";

const MAX_CART_ITEMS = 30;

/** Adds a configured product to the consumer's cart, after the server has checked it and its price. */
export async function addToCart(actor: Actor, input: AddToCart) {
  authorize(actor, "cart.use");
  const product = (await loadPublishedProducts([input.productId])).get(input.productId);
  if (!product) throw new AppError("PRODUCT_NOT_AVAILABLE", "This product is not available.", { status: 404 });
  const checked = checkConfigurationRequest(product.definition, { configuration: input.configuration, quantity: input.quantity, quotedTotal: input.quotedTotal });
  if (!checked.ok) {
    const first = checked.issues[0]!;
    throw new AppError(first.code === "PRICE_MISMATCH" ? "PRICE_MISMATCH" : "INVALID_CONFIGURATION", `${first.field}: ${first.message}`, {
      status: 400,
      details: { fields: checked.issues.map((issue) => ({ path: issue.field, code: issue.code, message: issue.message })) },
    });
  }
  if ((await db.cartItem.count({ where: { consumerId: actor.userId } })) >= MAX_CART_ITEMS) {
    throw new AppError("CART_FULL", `A cart holds at most ${MAX_CART_ITEMS} items.`, { status: 409 });
  }
  return db.cartItem.create({
    data: {
      consumerId: actor.userId,
      productId: product.productId,
      configuration: checked.evaluation.configuration as Prisma.InputJsonValue,
      quantity: checked.quantity,
    },
    select: { id: true },
  });
}
