import { ProductDefinitionSchema, type ProductDefinition } from "@/lib/core/configurator/product-definition";
import { db } from "../db";
import { sql } from "../db/sql";

/**
 * Published product versions are immutable, so their parsed definitions are cached by version
 * id for the life of the process (bounded: the oldest go first).
 */
const MAX_CACHED = 500;
const globalForCache = globalThis as unknown as { __productVersionCache?: Map<string, ProductDefinition> };
const cache = (globalForCache.__productVersionCache ??= new Map());
/** Per product, its published version as this process last read it: what the next order most likely meets. */
const globalForLatest = globalThis as unknown as { __latestPublishedProducts?: Map<string, PublishedProduct> };
const latest = (globalForLatest.__latestPublishedProducts ??= new Map());

export type PublishedProduct = {
  productId: string;
  manufacturerId: string;
  versionId: string;
  version: number;
  name: string;
  definition: ProductDefinition;
};

export type PublishedVersionRow = { id: string; productId: string; version: number; name: string; manufacturerId: string };

/**
 * SQL for the published versions of the products in `$param` (text[]), as a JSON array of
 * PublishedVersionRow: a column of its own, so a use case can read them with what else it needs.
 */
export function publishedVersionsJson(param: string): string {
  return `COALESCE((
    SELECT json_agg(json_build_object('id', v."id", 'productId', v."productId", 'version', v."version", 'name', p."name", 'manufacturerId', p."manufacturerId"))
    FROM "Product" p JOIN "ProductVersion" v ON v."productId" = p."id" AND v."version" = p."publishedVersion"
    WHERE p."id" = ANY(${param}::text[]) AND p."status" = 'published'
  ), '[]'::json)`;
}

/** The current published versions of these products (unpublished or unknown ones are absent). */
export async function loadPublishedProducts(productIds: string[]): Promise<Map<string, PublishedProduct>> {
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return new Map();
  const [row] = await sql().query<{ versions: PublishedVersionRow[] }>(`SELECT ${publishedVersionsJson("$1")} AS "versions"`, [ids]);
  return publishedProductsOf(row!.versions);
}

/** Products of these published versions, with their parsed definitions (cached by version). */
export async function publishedProductsOf(versions: readonly PublishedVersionRow[]): Promise<Map<string, PublishedProduct>> {
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
    const product = {
      productId: version.productId,
      manufacturerId: version.manufacturerId,
      versionId: version.id,
      version: version.version,
      name: version.name,
      definition: cache.get(version.id)!,
    };
    result.set(version.productId, product);
    if (latest.size >= MAX_CACHED && !latest.has(product.productId)) latest.delete(latest.keys().next().value!);
    latest.set(product.productId, product);
  }
  return result;
}

/**
 * The products' published versions as this process last read them, when it knows every one: a
 * guess (another process may have published since) that a caller checks against what it reads.
 */
export function lastReadPublishedProducts(productIds: readonly string[]): Map<string, PublishedProduct> | null {
  const result = new Map<string, PublishedProduct>();
  for (const productId of productIds) {
    const product = latest.get(productId);
    if (!product) return null;
    result.set(productId, product);
  }
  return result;
}
