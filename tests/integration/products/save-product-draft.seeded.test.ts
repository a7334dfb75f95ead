import { describe, expect, it } from "vitest";
import { PUT } from "@/app/api/admin/products/[productId]/draft/route";
import { db } from "@/lib/server/db";
import { saveProductDraft } from "@/lib/server/products/save-product-draft";
import { createUser } from "../../support/factories";
import { organizationBySlug } from "../../support/order-fixtures";
import { basicsOf, loadDraft, publishedFridgeCopy, staffOf, storedProduct } from "./product-fixtures";

const putDraft = (cookie: string, productId: string, body: unknown) =>
  PUT(
    new Request(`http://localhost:3000/api/admin/products/${productId}/draft`, {
      method: "PUT",
      headers: { cookie, origin: "http://localhost:3000", host: "localhost:3000" },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ productId }) },
  );

describe("saving a product draft", () => {
  it("saves one section and leaves the rest of the document as it was", async () => {
    const admin = await staffOf("nordkyl", "admin");
    const productId = await publishedFridgeCopy(admin);
    const { revision, definition } = await loadDraft(admin, productId);
    const rules = definition.rules.filter((rule) => rule.id !== "no-wine-rack-side-by-side");
    const saved = await saveProductDraft(admin, productId, { revision, section: "rules", value: rules }, "10.0.0.7");

    const stored = await storedProduct(productId);
    const document = stored.draftDefinition as Record<string, unknown>;
    expect(document.rules).toEqual(rules);
    expect({ ...document, rules: definition.rules }).toEqual(definition);
    expect(stored.revision).toBe(saved.revision);
    expect(saved.draftDiffers).toBe(true);
    expect(await db.auditLog.count({ where: { action: "product.draft.save", targetId: productId, address: "10.0.0.7" } })).toBe(1);
  });

  it("refuses a save from a stale revision with 409 and overwrites nothing", async () => {
    const admin = await staffOf("nordkyl", "admin");
    const productId = await publishedFridgeCopy(admin);
    const { revision, definition } = await loadDraft(admin, productId);
    await saveProductDraft(admin, productId, { revision, section: "basics", value: { ...basicsOf(definition), name: "First writer" } });
    const before = await storedProduct(productId);

    await expect(saveProductDraft(admin, productId, { revision, section: "basics", value: { ...basicsOf(definition), name: "Second writer" } })).rejects.toMatchObject({
      status: 409,
      code: "STALE_REVISION",
      details: { currentRevision: revision + 1, sentRevision: revision },
    });
    expect(await storedProduct(productId)).toEqual(before);
  });

  it("refuses BOM lines naming parts the manufacturer does not have, with 422 naming the line", async () => {
    const admin = await staffOf("nordkyl", "admin");
    const productId = await publishedFridgeCopy(admin);
    const { revision, definition } = await loadDraft(admin, productId);
    const bom = definition.bom as unknown[];
    // A Sartoria part exists, but not in Nordkyl's catalogue.
    const sartoriaPart = await db.part.findFirstOrThrow({ where: { manufacturerId: (await organizationBySlug("sartoria")).id } });
    const value = [...bom, { partNumber: "NO-SUCH-PART", quantity: 1 }, { partNumber: sartoriaPart.partNumber, quantity: 1 }];
    const error = await saveProductDraft(admin, productId, { revision, section: "bom", value }).catch((thrown) => thrown);
    expect(error).toMatchObject({
      status: 422,
      code: "UNKNOWN_PARTS",
      details: {
        fields: [
          { path: `bom.${bom.length}.partNumber`, message: expect.stringContaining("NO-SUCH-PART") },
          { path: `bom.${bom.length + 1}.partNumber`, message: expect.stringContaining(sartoriaPart.partNumber) },
        ],
      },
    });
    expect((await storedProduct(productId)).revision).toBe(revision);
  });

  it("answers a malformed definition through the API with 422 naming each path, and writes nothing", async () => {
    const nordkyl = await organizationBySlug("nordkyl");
    const adminUser = await createUser("admin", nordkyl.id);
    const admin = await staffOf("nordkyl", "admin");
    const productId = await publishedFridgeCopy(admin);
    const { revision, definition } = await loadDraft(admin, productId);
    const before = await storedProduct(productId);

    const unknownGroup = { ...definition.rules[0]!, when: [{ group: "colour", is: "red" }] };
    const response = await putDraft(adminUser.cookie, productId, { revision, definition: { ...definition, rules: [unknownGroup, ...definition.rules.slice(1)], basePrice: -5 } });
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(body.error.details.fields.map((field: { path: string }) => field.path)).toEqual(expect.arrayContaining(["basePrice"]));

    const badReference = await putDraft(adminUser.cookie, productId, { revision, section: "rules", value: [unknownGroup, ...definition.rules.slice(1)] });
    expect(badReference.status).toBe(422);
    expect((await badReference.json()).error.details.fields).toEqual([{ path: "rules.0.when.0.group", message: 'unknown group "colour"' }]);

    const badNumber = await putDraft(adminUser.cookie, productId, { revision, section: "groups", value: [{ code: "width", label: "Width", kind: "numeric", min: 90, max: 60, step: 5, unit: "cm" }] });
    expect(badNumber.status).toBe(422);
    expect((await badNumber.json()).error.details.fields.map((field: { path: string }) => field.path)).toContain("groups.0.min");

    const stray = await putDraft(adminUser.cookie, productId, { revision, section: "basics", value: { ...basicsOf(definition), rules: [] } });
    expect(stray.status).toBe(422);
    expect((await stray.json()).error.details.fields).toEqual([{ path: "value.rules", message: "not part of the basics section" }]);

    const envelope = await putDraft(adminUser.cookie, productId, { revision: "3", section: "everything", value: [] });
    expect(envelope.status).toBe(422);

    expect(await storedProduct(productId)).toEqual(before);
  });

  it("keeps the server's own id and version whatever the document says", async () => {
    const admin = await staffOf("nordkyl", "admin");
    const productId = await publishedFridgeCopy(admin);
    const { revision, definition } = await loadDraft(admin, productId);
    const saved = await saveProductDraft(admin, productId, { revision, definition: { ...definition, id: "someone-else", version: 99 } });
    expect((await storedProduct(productId)).draftDefinition).toMatchObject({ id: productId, version: 2 });
    expect(saved.draftDiffers).toBe(false); // the same content as version 1
  });
});
