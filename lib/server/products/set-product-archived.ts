import type { Actor } from "@/lib/core/policy";
import { recordAudit } from "../audit/record-audit";
import { db } from "../db";
import { loadManagedProduct } from "./load-managed-product";
import { requireProductAdmin } from "./require-product-admin";
import type { SetProductArchived } from "./set-product-archived.schema";

/**
 * Archiving takes a product out of the catalogue (it can no longer be configured or ordered;
 * placed orders keep their version). Unarchiving brings back its published version, or leaves a
 * never-published product a draft. The draft and its revision are untouched. Audited.
 */
export async function setProductArchived(actor: Actor, productId: string, input: SetProductArchived, address: string | null = null) {
  const admin = requireProductAdmin(actor);
  return db.$transaction(async (tx) => {
    const product = await loadManagedProduct(tx, admin, productId);
    const status = input.archived ? "archived" : product.publishedVersion === null ? "draft" : "published";
    if (status !== product.status) {
      await tx.product.update({ where: { id: productId }, data: { status } });
      await recordAudit(tx, { actor: admin, action: input.archived ? "product.archive" : "product.unarchive", targetType: "product", targetId: productId, address });
    }
    return { status };
  });
}
