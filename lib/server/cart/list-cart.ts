import { evaluate } from "@/lib/core/configurator/evaluate";
import type { Configuration } from "@/lib/core/configurator/configuration";
import type { Actor } from "@/lib/core/policy";
import { authorize } from "../auth/authorize";
import { loadPublishedProducts } from "../catalogue/load-product-version";
import { db } from "../db";

/**
 * The cart, priced now: each item is evaluated again against the product's current version, so
 * a price or rule that changed since it was added shows before checkout, not after.
 */
export async function listCart(actor: Actor) {
  authorize(actor, "cart.use");
  const rows = await db.cartItem.findMany({
    where: { consumerId: actor.userId },
    orderBy: { createdAt: "asc" },
    select: { id: true, productId: true, configuration: true, quantity: true },
  });
  const products = await loadPublishedProducts(rows.map((row) => row.productId));
  const manufacturers = await db.organization.findMany({
    where: { id: { in: [...new Set([...products.values()].map((p) => p.manufacturerId))] } },
    select: { id: true, name: true },
  });
  return rows.map((row) => {
    const product = products.get(row.productId);
    if (!product) return { id: row.id, productId: row.productId, available: false as const, quantity: row.quantity };
    const evaluation = evaluate(product.definition, row.configuration as Configuration, { quantity: row.quantity });
    return {
      id: row.id,
      productId: row.productId,
      available: true as const,
      productName: product.name,
      productSlug: product.definition.slug,
      manufacturer: manufacturers.find((m) => m.id === product.manufacturerId)!,
      configuration: evaluation.configuration,
      quantity: row.quantity,
      valid: evaluation.valid,
      errors: evaluation.errors.map((error) => error.message),
      unitPrice: evaluation.price.unitPrice,
      total: evaluation.price.total,
      currency: evaluation.price.currency,
    };
  });
}

export type CartLine = Awaited<ReturnType<typeof listCart>>[number];
