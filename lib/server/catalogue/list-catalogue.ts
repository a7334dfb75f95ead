import { db } from "../db";

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
  const byManufacturer = new Map<string, { manufacturer: (typeof products)[number]["manufacturer"]; products: typeof products }>();
  for (const product of products) {
    const entry = byManufacturer.get(product.manufacturer.id) ?? { manufacturer: product.manufacturer, products: [] };
    entry.products.push(product);
    byManufacturer.set(product.manufacturer.id, entry);
  }
  return [...byManufacturer.values()];
}
