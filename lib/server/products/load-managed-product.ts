import type { Tx } from "../db";
import { notFound } from "../errors";
import type { ProductAdmin } from "./require-product-admin";

/**
 * One product of the admin's manufacturer, locked for the rest of the transaction (FOR UPDATE),
 * so a save and a publish of the same product cannot interleave. Another manufacturer's
 * product, or an unknown id, is a 404.
 */
export async function loadManagedProduct(tx: Tx, admin: ProductAdmin, productId: string) {
  const locked = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "Product" WHERE "id" = ${productId} AND "manufacturerId" = ${admin.organizationId} FOR UPDATE`;
  if (locked.length === 0) throw notFound("Product");
  return tx.product.findUniqueOrThrow({
    where: { id: productId },
    select: {
      id: true,
      slug: true,
      status: true,
      revision: true,
      draftVersion: true,
      publishedVersion: true,
      draftDefinition: true,
    },
  });
}
