import { renderPreviewSvg } from "@/lib/core/preview/render-preview-svg";
import { db } from "../db";
import { loadPublishedProducts } from "./load-product-version";

/** Published products of every manufacturer, grouped by manufacturer. Public. */
export async function listCatalogue() {
  const products = await db.product.findMany({
    where: { status: "published" },
    orderBy: [{ manufacturer: { name: "asc" } }, { name: "asc" }],
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      productType: true,
      currency: true,
      basePrice: true,
      manufacturer: { select: { id: true, name: true, slug: true } },
    },
  });
  // A picture of each product as it comes by default, drawn by the same preview as the configurator.
  const published = await loadPublishedProducts(products.map((product) => product.id));
  const withPreview = products.map((product) => {
    const definition = published.get(product.id)?.definition;
    return { ...product, previewSvg: definition ? renderPreviewSvg(definition, {}) : null };
  });
  const byManufacturer = new Map<string, { manufacturer: (typeof products)[number]["manufacturer"]; products: typeof withPreview }>();
  for (const product of withPreview) {
    const entry = byManufacturer.get(product.manufacturer.id) ?? { manufacturer: product.manufacturer, products: [] };
    entry.products.push(product);
    byManufacturer.set(product.manufacturer.id, entry);
  }
  return [...byManufacturer.values()];
}
