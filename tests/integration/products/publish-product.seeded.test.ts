import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/core/configurator/evaluate";
import { refrigerator } from "@/lib/core/configurator/examples";
import { db } from "@/lib/server/db";
import { placeOrder } from "@/lib/server/orders/place-order";
import { publishProduct } from "@/lib/server/products/publish-product";
import { saveProductDraft } from "@/lib/server/products/save-product-draft";
import { actorOf } from "../../support/actors";
import { createUser } from "../../support/factories";
import { applianceOrder } from "../../support/order-fixtures";
import { basicsOf, expressOnlyInGlass, loadDraft, publishedFridgeCopy, staffOf, storedProduct } from "./product-fixtures";

async function orderOne(productId: string) {
  const consumer = await actorOf(await createUser("consumer", null));
  const configuration = evaluate(refrigerator, {}).configuration;
  const { order } = await placeOrder(consumer, applianceOrder({ idempotencyKey: `test-${randomUUID()}`, items: [{ productId, configuration, quantity: 1 }] }));
  return db.orderItem.findFirstOrThrow({ where: { orderId: order.id }, include: { productVersion: true } });
}

describe("publishing a product", () => {
  it("stores a draft with a broken rule set and its problems, but refuses to publish it", async () => {
    const admin = await staffOf("nordkyl", "admin");
    const productId = await publishedFridgeCopy(admin);
    const { revision, definition } = await loadDraft(admin, productId);
    const saved = await saveProductDraft(admin, productId, { revision, definition: { ...definition, rules: [...definition.rules, expressOnlyInGlass] } });

    expect(saved.revision).toBe(revision + 1);
    const neverExpress = saved.problems.find((problem) => problem.kind === "OPTION_NEVER_AVAILABLE" && problem.option === "express");
    expect([...(neverExpress?.ruleIds ?? [])].sort()).toEqual(["express-only-in-glass", "express-stock-finishes"]);
    const stored = await storedProduct(productId);
    expect((stored.draftDefinition as { rules: Array<{ id: string }> }).rules.map((rule) => rule.id)).toContain("express-only-in-glass");
    expect(stored.draftProblems).toEqual(saved.problems);

    await expect(publishProduct(admin, productId, { revision: saved.revision })).rejects.toMatchObject({
      status: 409,
      code: "PRODUCT_HAS_PROBLEMS",
      details: { problems: [expect.objectContaining({ kind: "OPTION_NEVER_AVAILABLE", option: "express" })] },
    });
    expect(await db.productVersion.count({ where: { productId } })).toBe(1);
    expect(await storedProduct(productId)).toMatchObject({ publishedVersion: 1, draftVersion: 2, revision: saved.revision });
  });

  it("publishes version N+1 for new orders, while orders placed before keep their version", async () => {
    const admin = await staffOf("nordkyl", "admin");
    const productId = await publishedFridgeCopy(admin);
    const before = await orderOne(productId);
    expect(before.productVersion.version).toBe(1);

    const { revision, definition } = await loadDraft(admin, productId);
    const basePrice = (definition.basePrice as number) + 10_000;
    const saved = await saveProductDraft(admin, productId, { revision, section: "basics", value: { ...basicsOf(definition), basePrice } });
    expect(saved.problems).toEqual([]);
    const published = await publishProduct(admin, productId, { revision: saved.revision }, "10.1.2.3");

    expect(published.version).toBe(2);
    expect(await storedProduct(productId)).toMatchObject({ status: "published", publishedVersion: 2, draftVersion: 3, basePrice, revision: published.revision });
    const frozen = await db.productVersion.findUniqueOrThrow({ where: { id: published.versionId } });
    expect(frozen).toMatchObject({ version: 2, publishedById: admin.kind === "user" ? admin.userId : "?", definition: expect.objectContaining({ version: 2, basePrice }) });
    expect(await db.auditLog.count({ where: { action: "product.publish", targetId: productId, address: "10.1.2.3" } })).toBe(1);

    const after = await orderOne(productId);
    expect(after.productVersionId).toBe(published.versionId);
    expect(after.unitPrice).toBe(before.unitPrice + 10_000);
    const reloaded = await db.orderItem.findUniqueOrThrow({ where: { id: before.id } });
    expect(reloaded.productVersionId).toBe(before.productVersionId);
    expect(reloaded.productVersionId).not.toBe(after.productVersionId);

    // The same revision cannot be published twice: the first publish moved it on.
    await expect(publishProduct(admin, productId, { revision: saved.revision })).rejects.toMatchObject({ status: 409, code: "STALE_REVISION" });
  });
});
