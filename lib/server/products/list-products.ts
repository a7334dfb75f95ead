import type { Actor } from "@/lib/core/policy";
import { db } from "../db";
import { problemsOfStoredDraft } from "./analyze-stored-draft";
import { draftDiffers } from "./draft-differs";
import { requireProductAdmin } from "./require-product-admin";

export type ProductListEntry = {
  id: string;
  slug: string;
  name: string;
  productType: string;
  status: "draft" | "published" | "archived";
  draftVersion: number;
  publishedVersion: number | null;
  versions: number;
  lastPublishedAt: string | null;
  /** Unpublished changes: the draft says something the published version does not (false before the first publish). */
  draftDiffers: boolean;
  /** Problems the analysis finds in the draft (as stored at its last save). */
  problems: number;
  updatedAt: string;
};

/** The manufacturer's products — drafts, published and archived — with their versions. */
export async function listProducts(actor: Actor): Promise<ProductListEntry[]> {
  const admin = requireProductAdmin(actor);
  const products = await db.product.findMany({
    where: { manufacturerId: admin.organizationId },
    orderBy: [{ status: "asc" }, { name: "asc" }],
    select: {
      id: true, slug: true, name: true, productType: true, status: true, draftVersion: true, publishedVersion: true,
      draftDefinition: true, draftProblems: true, updatedAt: true,
      versions: { orderBy: { version: "desc" }, take: 1, select: { publishedAt: true } },
      _count: { select: { versions: true } },
    },
  });
  const published = await db.productVersion.findMany({
    where: { OR: products.filter((p) => p.publishedVersion !== null).map((p) => ({ productId: p.id, version: p.publishedVersion! })) },
    select: { productId: true, definition: true },
  });
  const publishedDefinition = new Map(published.map((version) => [version.productId, version.definition]));
  return products.map((product) => {
    const draft = product.draftDefinition as Record<string, unknown>;
    const current = publishedDefinition.get(product.id);
    return {
      id: product.id,
      slug: product.slug,
      // The draft's name: what the admin is working on, even before it is published.
      name: typeof draft.name === "string" ? draft.name : product.name,
      productType: product.productType,
      status: product.status,
      draftVersion: product.draftVersion,
      publishedVersion: product.publishedVersion,
      versions: product._count.versions,
      lastPublishedAt: product.versions[0]?.publishedAt.toISOString() ?? null,
      draftDiffers: current !== undefined && draftDiffers(draft, current),
      problems: problemsOfStoredDraft(draft, product.draftProblems).length,
      updatedAt: product.updatedAt.toISOString(),
    };
  });
}
