import type { Actor } from "@/lib/core/policy";
import { db } from "../db";
import { notFound } from "../errors";
import { problemsOfStoredDraft } from "./analyze-stored-draft";
import { draftDiffers } from "./draft-differs";
import { requireProductAdmin } from "./require-product-admin";

export type ProductDraft = Awaited<ReturnType<typeof getProductDraft>>;

/**
 * Everything the editor needs for one product: the draft document and its revision, the
 * analysis (see analyze-stored-draft.ts),
 * the published versions with their dates, and the manufacturer's parts for the BOM picker.
 */
export async function getProductDraft(actor: Actor, productId: string) {
  const admin = requireProductAdmin(actor);
  const product = await db.product.findFirst({
    where: { id: productId, manufacturerId: admin.organizationId },
    select: {
      id: true, slug: true, status: true, revision: true, draftVersion: true, publishedVersion: true,
      draftDefinition: true, draftProblems: true, updatedAt: true, manufacturer: { select: { slug: true } },
      versions: {
        orderBy: { version: "desc" },
        select: { id: true, version: true, publishedAt: true, publishedBy: { select: { name: true } }, _count: { select: { orderItems: true } } },
      },
    },
  });
  if (!product) throw notFound("Product");
  const [parts, current] = await Promise.all([
    db.part.findMany({ where: { manufacturerId: admin.organizationId }, orderBy: { partNumber: "asc" }, select: { partNumber: true, name: true, unit: true } }),
    product.publishedVersion === null
      ? null
      : db.productVersion.findUnique({ where: { productId_version: { productId, version: product.publishedVersion } }, select: { definition: true } }),
  ]);
  return {
    id: product.id,
    slug: product.slug,
    manufacturerSlug: product.manufacturer.slug,
    status: product.status,
    revision: product.revision,
    draftVersion: product.draftVersion,
    publishedVersion: product.publishedVersion,
    definition: product.draftDefinition as Record<string, unknown>,
    problems: problemsOfStoredDraft(product.draftDefinition, product.draftProblems),
    draftDiffers: current !== null && draftDiffers(product.draftDefinition, current.definition),
    updatedAt: product.updatedAt.toISOString(),
    versions: product.versions.map((version) => ({
      id: version.id,
      version: version.version,
      publishedAt: version.publishedAt.toISOString(),
      publishedBy: version.publishedBy?.name ?? null,
      orderItems: version._count.orderItems,
    })),
    parts,
  };
}
