import { describe, expect, it } from "vitest";
import { madeToMeasureShirt, refrigerator } from "@/lib/core/configurator/examples";
import { listCatalogue } from "@/lib/server/catalogue/list-catalogue";
import { loadProductPage } from "@/lib/server/catalogue/load-product-page";
import { db } from "@/lib/server/db";
import { createProduct } from "@/lib/server/products/create-product";
import { getProductDraft } from "@/lib/server/products/get-product-draft";
import { listProducts } from "@/lib/server/products/list-products";
import { publishProduct } from "@/lib/server/products/publish-product";
import { saveProductDraft } from "@/lib/server/products/save-product-draft";
import { setProductArchived } from "@/lib/server/products/set-product-archived";
import { uniqueSuffix } from "../../support/factories";
import { basicsOf, loadDraft, publishedFridgeCopy, staffOf, storedProduct } from "./product-fixtures";

const inCatalogue = async (productId: string) => (await listCatalogue()).some((entry) => entry.products.some((product) => product.id === productId));

describe("creating, listing and archiving products", () => {
  it("creates a blank draft that stays out of the catalogue until it is published", async () => {
    const admin = await staffOf("nordkyl", "admin");
    const slug = `blank-${uniqueSuffix()}`;
    const created = await createProduct(admin, { name: "Blank cabinet", slug, source: { kind: "blank", productType: "cabinet", currency: "EUR" } });
    expect(created).toMatchObject({ revision: 1, problems: [], removedBomLines: [] });
    expect(await storedProduct(created.id)).toMatchObject({ status: "draft", slug, name: "Blank cabinet", draftVersion: 1, publishedVersion: null });
    expect(await inCatalogue(created.id)).toBe(false);

    await publishProduct(admin, created.id, { revision: created.revision });
    expect(await inCatalogue(created.id)).toBe(true);
    const listed = (await listProducts(admin)).find((product) => product.id === created.id);
    expect(listed).toMatchObject({ status: "published", publishedVersion: 1, draftVersion: 2, versions: 1, draftDiffers: false, problems: 0 });
  });

  it("copies an example, leaving out BOM lines whose parts the manufacturer does not have", async () => {
    const admin = await staffOf("nordkyl", "admin");
    const created = await createProduct(admin, { name: "Nordkyl shirt", slug: `shirt-${uniqueSuffix()}`, source: { kind: "example", example: madeToMeasureShirt.slug } });
    expect(created.removedBomLines).toEqual(madeToMeasureShirt.bom.map((line) => line.partNumber));
    const draft = await getProductDraft(admin, created.id);
    expect(draft.definition).toMatchObject({ id: created.id, name: "Nordkyl shirt", version: 1, bom: [], rules: madeToMeasureShirt.rules });
  });

  it("duplicates another product's draft and refuses a slug already in use (422 naming it)", async () => {
    const admin = await staffOf("nordkyl", "admin");
    const original = await publishedFridgeCopy(admin);
    const copy = await createProduct(admin, { name: "Fridge copy", slug: `copy-${uniqueSuffix()}`, source: { kind: "product", productId: original } });
    const copied = await getProductDraft(admin, copy.id);
    expect(copied.definition).toMatchObject({ groups: refrigerator.groups, bom: refrigerator.bom, id: copy.id });
    await expect(createProduct(admin, { name: "Same address", slug: refrigerator.slug, source: { kind: "blank", productType: "generic", currency: "EUR" } })).rejects.toMatchObject({
      status: 422,
      code: "SLUG_TAKEN",
      details: { fields: [{ path: "slug" }] },
    });
    await expect(createProduct(admin, { name: "Unknown", slug: `x-${uniqueSuffix()}`, source: { kind: "example", example: "no-such-example" } })).rejects.toMatchObject({ status: 422 });
  });

  it("lists whether the draft differs from the published version", async () => {
    const admin = await staffOf("nordkyl", "admin");
    const productId = await publishedFridgeCopy(admin);
    const listed = async () => (await listProducts(admin)).find((product) => product.id === productId)!;
    expect((await listed()).draftDiffers).toBe(false);
    const { revision, definition } = await loadDraft(admin, productId);
    const saved = await saveProductDraft(admin, productId, { revision, section: "basics", value: { ...basicsOf(definition), description: "Now with a longer description." } });
    expect(await listed()).toMatchObject({ draftDiffers: true, problems: 0 });
    // The catalogue keeps showing the published version's basics until the next publish.
    expect((await storedProduct(productId)).description).toBe(refrigerator.description);
    expect((await getProductDraft(admin, productId)).draftDiffers).toBe(true);
    await publishProduct(admin, productId, { revision: saved.revision });
    expect(await listed()).toMatchObject({ draftDiffers: false, publishedVersion: 2, versions: 2 });
    expect((await storedProduct(productId)).description).toBe("Now with a longer description.");
  });

  it("archives a product out of the catalogue and brings it back", async () => {
    const admin = await staffOf("nordkyl", "admin");
    const productId = await publishedFridgeCopy(admin);
    const { slug } = await storedProduct(productId);
    expect(await setProductArchived(admin, productId, { archived: true }, "10.0.0.8")).toEqual({ status: "archived" });
    expect(await loadProductPage("nordkyl", slug)).toBeNull();
    expect(await inCatalogue(productId)).toBe(false);
    const { revision } = await loadDraft(admin, productId);
    await expect(publishProduct(admin, productId, { revision })).rejects.toMatchObject({ status: 409, code: "PRODUCT_ARCHIVED" });
    expect(await setProductArchived(admin, productId, { archived: false })).toEqual({ status: "published" });
    expect((await loadProductPage("nordkyl", slug))?.productId).toBe(productId);
    expect(await db.auditLog.count({ where: { targetId: productId, action: { in: ["product.archive", "product.unarchive"] } } })).toBe(2);
  });
});
