import type { Rule } from "@/lib/core/configurator";
import { refrigerator } from "@/lib/core/configurator/examples";
import { db } from "@/lib/server/db";
import { createProduct } from "@/lib/server/products/create-product";
import { getProductDraft } from "@/lib/server/products/get-product-draft";
import { publishProduct } from "@/lib/server/products/publish-product";
import { actorOf } from "../../support/actors";
import { createUser, uniqueSuffix } from "../../support/factories";
import { organizationBySlug } from "../../support/order-fixtures";

type Staff = Awaited<ReturnType<typeof actorOf>>;

export async function staffOf(organizationSlug: string, role: "admin" | "planner"): Promise<Staff> {
  return actorOf(await createUser(role, (await organizationBySlug(organizationSlug)).id));
}

/** A copy of the demo fridge, published as version 1: each test edits its own product. */
export async function publishedFridgeCopy(admin: Staff): Promise<string> {
  const created = await createProduct(admin, { name: "Test fridge", slug: `test-fridge-${uniqueSuffix()}`, source: { kind: "example", example: refrigerator.slug } });
  await publishProduct(admin, created.id, { revision: created.revision });
  return created.id;
}

/** A draft as the editor loads it: the document and the revision to save against. */
export async function loadDraft(admin: Staff, productId: string) {
  const draft = await getProductDraft(admin, productId);
  return { revision: draft.revision, definition: structuredClone(draft.definition) as Record<string, unknown> & { rules: Rule[] } };
}

export const storedProduct = (productId: string) => db.product.findUniqueOrThrow({ where: { id: productId } });

/** The document's "basics" section, as the editor's basics tab sends it. */
export function basicsOf(definition: Record<string, unknown>): Record<string, unknown> {
  const { name, slug, description, productType, currency, basePrice, preview } = definition;
  return { name, slug, description, productType, currency, basePrice, preview };
}

/**
 * Contradicts the fridge's rule "express-stock-finishes" (express allows only steel and white
 * finishes): with both, express production can never be chosen.
 */
export const expressOnlyInGlass: Rule = {
  id: "express-only-in-glass",
  kind: "requires",
  message: "Express production is only available in black glass.",
  when: { group: "production", is: "express" },
  require: { group: "finish", is: "black-glass" },
};
