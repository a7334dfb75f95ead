import { describe, expect, it } from "vitest";
import { GET as getProduct } from "@/app/api/admin/products/[productId]/route";
import { GET as listRoute } from "@/app/api/admin/products/route";
import { madeToMeasureShirt, refrigerator, washingMachine } from "@/lib/core/configurator/examples";
import { db } from "@/lib/server/db";
import { createProduct } from "@/lib/server/products/create-product";
import { getProductDraft } from "@/lib/server/products/get-product-draft";
import { listProducts } from "@/lib/server/products/list-products";
import { publishProduct } from "@/lib/server/products/publish-product";
import { saveProductDraft } from "@/lib/server/products/save-product-draft";
import { setProductArchived } from "@/lib/server/products/set-product-archived";
import { actorOf } from "../../support/actors";
import { createUser } from "../../support/factories";
import { organizationBySlug } from "../../support/order-fixtures";
import { loadDraft, publishedFridgeCopy, staffOf, storedProduct } from "./product-fixtures";

describe("who may manage products", () => {
  it("hides a product from another manufacturer's admin (404) and refuses a planner (403); nothing changes", async () => {
    const admin = await staffOf("nordkyl", "admin");
    const productId = await publishedFridgeCopy(admin);
    const { revision, definition } = await loadDraft(admin, productId);
    const before = await storedProduct(productId);
    const save = { revision, definition };

    const otherAdmin = await staffOf("sartoria", "admin");
    await expect(getProductDraft(otherAdmin, productId)).rejects.toMatchObject({ status: 404, code: "PRODUCT_NOT_FOUND" });
    await expect(saveProductDraft(otherAdmin, productId, save)).rejects.toMatchObject({ status: 404 });
    await expect(publishProduct(otherAdmin, productId, { revision })).rejects.toMatchObject({ status: 404 });
    await expect(setProductArchived(otherAdmin, productId, { archived: true })).rejects.toMatchObject({ status: 404 });
    await expect(createProduct(otherAdmin, { name: "Stolen", slug: "stolen", source: { kind: "product", productId } })).rejects.toMatchObject({ status: 404 });
    expect((await listProducts(otherAdmin)).map((product) => product.id)).not.toContain(productId);

    const planner = await staffOf("nordkyl", "planner");
    await expect(listProducts(planner)).rejects.toMatchObject({ status: 403 });
    await expect(getProductDraft(planner, productId)).rejects.toMatchObject({ status: 403 });
    await expect(saveProductDraft(planner, productId, save)).rejects.toMatchObject({ status: 403 });
    await expect(publishProduct(planner, productId, { revision })).rejects.toMatchObject({ status: 403 });
    await expect(setProductArchived(planner, productId, { archived: true })).rejects.toMatchObject({ status: 403 });

    const supplierAdmin = await staffOf("meridian", "admin");
    await expect(saveProductDraft(supplierAdmin, productId, save)).rejects.toMatchObject({ status: 404 });
    const consumer = await actorOf(await createUser("consumer", null));
    await expect(publishProduct(consumer, productId, { revision })).rejects.toMatchObject({ status: 404 });

    expect(await storedProduct(productId)).toEqual(before);
    expect(await db.productVersion.count({ where: { productId } })).toBe(1);
  });

  it("answers the API the same way: 401 without a session, 403 for a planner, 404 across manufacturers", async () => {
    const nordkyl = await organizationBySlug("nordkyl");
    const params = { params: Promise.resolve({ productId: refrigerator.id }) };
    const request = (cookie?: string) => new Request(`http://localhost:3000/api/admin/products/${refrigerator.id}`, { headers: cookie ? { cookie } : {} });

    expect((await getProduct(request(), params)).status).toBe(401);
    expect((await getProduct(request((await createUser("planner", nordkyl.id)).cookie), params)).status).toBe(403);
    expect((await getProduct(request((await createUser("admin", (await organizationBySlug("sartoria")).id)).cookie), params)).status).toBe(404);
    const own = await getProduct(request((await createUser("admin", nordkyl.id)).cookie), params);
    expect(own.status).toBe(200);
    expect((await own.json()).definition).toMatchObject({ slug: refrigerator.slug });

    const list = await listRoute(new Request("http://localhost:3000/api/admin/products", { headers: { cookie: (await createUser("admin", nordkyl.id)).cookie } }), {});
    const { products } = await list.json();
    const slugs = products.map((product: { slug: string }) => product.slug);
    expect(slugs).toEqual(expect.arrayContaining([refrigerator.slug, washingMachine.slug]));
    expect(slugs).not.toContain(madeToMeasureShirt.slug); // Sartoria's
  });
});
