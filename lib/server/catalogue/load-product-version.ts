import { ProductDefinitionSchema, type ProductDefinition } from "@/lib/core/configurator/product-definition";
import { db } from "../db";

/**
 * Published product versions are immutable, so their parsed definitions are cached by version
 * id for the life of the process (bounded: the oldest go first).
 */
const MAX_CACHED = 500;
const globalForCache = globalThis as unknown as { __productVersionCache?: Map<string, ProductDefinition> };
const cache = (globalForCache.__productVersionCache ??= new Map());

export type PublishedProduct = {
  productId: string;
  manufacturerId: string;
  versionId: string;
  version: number;
  name: string;
  definition: ProductDefinition;
};

/** The current published versions of these products (unpublished or unknown ones are absent). */
export async function loadPublishedProducts(productIds: string[]): Promise<Map<string, PublishedProduct>> {
  const products = await db.product.findMany({
    where: { id: { in: [...new Set(productIds)] }, status: "published", publishedVersion: { not: null } },
    select: { id: true, name: true, manufacturerId: true, publishedVersion: true },
  });
  const versions = await db.productVersion.findMany({
    where: { OR: products.map((product) => ({ productId: product.id, version: product.publishedVersion! })) },
    select: { id: true, productId: true, version: true },
  });
  const missing = versions.filter((version) => !cache.has(version.id));
  if (missing.length > 0) {
    const documents = await db.productVersion.findMany({ where: { id: { in: missing.map((v) => v.id) } }, select: { id: true, definition: true } });
    for (const document of documents) {
      cache.set(document.id, ProductDefinitionSchema.parse(document.definition));
      if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
    }
  }
  const result = new Map<string, PublishedProduct>();
  for (const version of versions) {
    const product = products.find((p) => p.id === version.productId)!;
    result.set(product.id, {
      productId: product.id,
      manufacturerId: product.manufacturerId,
      versionId: version.id,
      version: version.version,
      name: product.name,
      definition: cache.get(version.id)!,
    });
  }
  return result;
}
