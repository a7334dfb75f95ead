import type { ProductDefinition } from "@/lib/core/configurator/product-definition";
import type { SupplierOffer } from "@/lib/core/promise/estimate-delivery";
import { db } from "../db";
import { factoryProfile } from "../orders/factory-profile";
import { loadPublishedProducts } from "./load-product-version";

export type ProductPageData = {
  productId: string;
  manufacturer: { slug: string; name: string };
  definition: ProductDefinition;
  /** What the browser needs to estimate delivery without a round trip, as of page load. */
  availability: {
    stock: Record<string, number>;
    offers: Record<string, SupplierOffer[]>;
    partNames: Record<string, string>;
    shippingDays: number;
    minutesPerDay: number;
  };
};

/** A published product by its manufacturer's and its own slug, with what the configurator needs. Public. */
export async function loadProductPage(manufacturerSlug: string, productSlug: string): Promise<ProductPageData | null> {
  const product = await db.product.findFirst({
    where: { slug: productSlug, status: "published", manufacturer: { slug: manufacturerSlug } },
    select: { id: true, manufacturerId: true, manufacturer: { select: { slug: true, name: true } } },
  });
  if (!product) return null;
  const published = (await loadPublishedProducts([product.id])).get(product.id);
  if (!published) return null;
  const partNumbers = [...new Set(published.definition.bom.map((line) => line.partNumber))];
  const [parts, profile] = await Promise.all([
    db.part.findMany({
      where: { manufacturerId: product.manufacturerId, partNumber: { in: partNumbers } },
      select: {
        partNumber: true, name: true, onHand: true, reserved: true,
        supplierParts: {
          where: { active: true, supplier: { customers: { some: { manufacturerId: product.manufacturerId } } } },
          select: { leadTimeDays: true, unitPrice: true, minOrderQty: true, supplier: { select: { name: true } } },
        },
      },
    }),
    factoryProfile(db, product.manufacturerId),
  ]);
  return {
    productId: product.id,
    manufacturer: product.manufacturer,
    definition: published.definition,
    availability: {
      stock: Object.fromEntries(parts.map((part) => [part.partNumber, Math.max(0, part.onHand - part.reserved)])),
      offers: Object.fromEntries(
        parts.map((part) => [
          part.partNumber,
          part.supplierParts.map((offer) => ({ supplier: offer.supplier.name, leadTimeDays: offer.leadTimeDays, unitPrice: offer.unitPrice, minimumOrderQuantity: offer.minOrderQty })),
        ]),
      ),
      partNames: Object.fromEntries(parts.map((part) => [part.partNumber, part.name])),
      shippingDays: profile.shippingDays,
      minutesPerDay: profile.minutesPerWorkingDay,
    },
  };
}
