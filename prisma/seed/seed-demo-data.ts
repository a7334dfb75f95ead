import { canonicalJson } from "@/lib/core/json/canonical-json";
import { db } from "@/lib/server/db";
import { hashPassword, verifyPassword } from "@/lib/server/auth/password";
import type { Prisma } from "@/generated/prisma/client";
import { DEMO_MANUFACTURERS, DEMO_SUPPLIERS } from "./demo-organizations";
import { DEMO_LINES } from "./demo-lines";
import { DEMO_PRODUCTS } from "./demo-products";
import { familiesOf, setupMatrixFor } from "./demo-setup-matrix";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo-users";

/** A small deterministic hash, so the demo's prices and lead times are the same on every run. */
function stableNumber(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

/**
 * Seeds the demo world. Idempotent: every record is found by its natural key and brought to
 * the state described here, so running it twice changes nothing the second time.
 */
export async function seedDemoData() {
  const organizationIds = new Map<string, string>();
  for (const manufacturer of DEMO_MANUFACTURERS) {
    const organization = await db.organization.upsert({
      where: { slug: manufacturer.slug },
      create: { slug: manufacturer.slug, name: manufacturer.name, kind: "manufacturer" },
      update: { name: manufacturer.name, kind: "manufacturer" },
    });
    organizationIds.set(manufacturer.slug, organization.id);
    const settings = { timeZone: manufacturer.timeZone, setupDefaultMinutes: manufacturer.setupDefaultMinutes, shippingDays: manufacturer.shippingDays };
    await db.factorySettings.upsert({ where: { manufacturerId: organization.id }, create: { manufacturerId: organization.id, ...settings }, update: settings });
  }
  for (const supplier of DEMO_SUPPLIERS) {
    const organization = await db.organization.upsert({
      where: { slug: supplier.slug },
      create: { slug: supplier.slug, name: supplier.name, kind: "supplier" },
      update: { name: supplier.name, kind: "supplier" },
    });
    organizationIds.set(supplier.slug, organization.id);
    for (const served of supplier.serves) {
      const manufacturerId = organizationIds.get(served)!;
      await db.supplierRelationship.upsert({
        where: { manufacturerId_supplierId: { manufacturerId, supplierId: organization.id } },
        create: { manufacturerId, supplierId: organization.id },
        update: {},
      });
    }
  }

  for (const user of DEMO_USERS) {
    const organizationId = user.organization ? organizationIds.get(user.organization)! : null;
    const existing = await db.user.findUnique({ where: { email: user.email }, select: { passwordHash: true } });
    // Keep a valid hash rather than re-hashing on every run; repair one that no longer matches.
    const passwordHash =
      existing && (await verifyPassword(existing.passwordHash, DEMO_PASSWORD)) ? existing.passwordHash : await hashPassword(DEMO_PASSWORD);
    const fields = { name: user.name, role: user.role, organizationId, active: true, passwordHash, failedSignIns: 0, lockedUntil: null };
    await db.user.upsert({ where: { email: user.email }, create: { email: user.email, ...fields }, update: fields });
  }

  const familiesByManufacturer = new Map<string, Set<string>>();
  for (const product of DEMO_PRODUCTS) {
    const manufacturerId = organizationIds.get(product.manufacturer)!;
    const suppliers = DEMO_SUPPLIERS.filter((supplier) => (supplier.serves as readonly string[]).includes(product.manufacturer));
    for (const part of product.parts) {
      const seed = stableNumber(part.partNumber);
      const stock = seed % 5 < 2 ? 20 + (seed % 60) : 0; // two parts in five are in stock
      const stored = await db.part.upsert({
        where: { manufacturerId_partNumber: { manufacturerId, partNumber: part.partNumber } },
        create: { manufacturerId, partNumber: part.partNumber, name: part.name, unit: part.unit, onHand: stock },
        update: { name: part.name, unit: part.unit },
      });
      // Every part has at least one supplier; most have two, with different trade-offs.
      for (const [index, supplier] of suppliers.entries()) {
        const offerSeed = stableNumber(`${part.partNumber}/${supplier.slug}`);
        if (index > 0 && offerSeed % 4 === 0) continue;
        const offer = {
          unitPrice: 150 + (offerSeed % 9_000),
          currency: product.definition.currency,
          leadTimeDays: 2 + (offerSeed % 12),
          minOrderQty: [1, 1, 5, 10, 25][offerSeed % 5]!,
          active: true,
        };
        const supplierId = organizationIds.get(supplier.slug)!;
        await db.supplierPart.upsert({
          where: { partId_supplierId: { partId: stored.id, supplierId } },
          create: { partId: stored.id, supplierId, supplierSku: `${supplier.slug.slice(0, 3).toUpperCase()}-${part.partNumber}`, ...offer },
          update: offer,
        });
      }
    }
    await upsertPublishedProduct(manufacturerId, product.definition);
    const families = familiesByManufacturer.get(manufacturerId) ?? new Set<string>();
    for (const family of familiesOf(product.definition)) families.add(family);
    familiesByManufacturer.set(manufacturerId, families);
  }

  for (const [manufacturerId, families] of familiesByManufacturer) {
    for (const entry of setupMatrixFor([...families])) {
      await db.setupTime.upsert({
        where: { manufacturerId_fromFamily_toFamily: { manufacturerId, fromFamily: entry.fromFamily, toFamily: entry.toFamily } },
        create: { manufacturerId, ...entry },
        update: { minutes: entry.minutes },
      });
    }
  }

  for (const line of DEMO_LINES) {
    const manufacturerId = organizationIds.get(line.manufacturer)!;
    const fields = { name: line.name, capabilities: line.capabilities, speed: line.speed, timeZone: line.timeZone, currentFamily: line.initialFamily };
    const stored = await db.line.upsert({
      where: { manufacturerId_code: { manufacturerId, code: line.code } },
      create: { manufacturerId, code: line.code, ...fields },
      update: fields,
    });
    // The calendar is described whole here: replace it, in one transaction.
    await db.$transaction([
      db.lineShift.deleteMany({ where: { lineId: stored.id } }),
      db.lineShift.createMany({ data: line.shifts.map((shift) => ({ lineId: stored.id, ...shift })) }),
      db.lineCalendarException.deleteMany({ where: { lineId: stored.id } }),
      db.lineCalendarException.createMany({
        data: line.exceptions.map((exception) => ({ lineId: stored.id, kind: exception.kind, start: new Date(exception.start), end: new Date(exception.end), note: exception.note })),
      }),
    ]);
  }

  return {
    organizations: await db.organization.count(),
    users: await db.user.count(),
    products: await db.product.count(),
    parts: await db.part.count(),
    "supplier offers": await db.supplierPart.count(),
    lines: await db.line.count(),
  };
}

/** The seed's definition is version 1; a changed definition in code becomes the next version. */
async function upsertPublishedProduct(manufacturerId: string, definition: (typeof DEMO_PRODUCTS)[number]["definition"]) {
  const document = definition as unknown as Prisma.InputJsonValue;
  const fields = {
    name: definition.name,
    description: definition.description ?? "",
    productType: definition.productType,
    currency: definition.currency,
    basePrice: definition.basePrice,
    status: "published" as const,
  };
  const product = await db.product.upsert({
    where: { manufacturerId_slug: { manufacturerId, slug: definition.slug } },
    create: { id: definition.id, manufacturerId, slug: definition.slug, ...fields, draftDefinition: document, draftVersion: 2, publishedVersion: 1 },
    update: fields,
  });
  const latest = await db.productVersion.findFirst({ where: { productId: product.id }, orderBy: { version: "desc" } });
  if (latest && canonicalJson(latest.definition) === canonicalJson({ ...definition, version: latest.version })) return;
  const version = (latest?.version ?? 0) + 1;
  const versioned = { ...definition, version } as unknown as Prisma.InputJsonValue;
  await db.$transaction([
    db.productVersion.create({ data: { productId: product.id, version, definition: versioned } }),
    db.product.update({ where: { id: product.id }, data: { draftDefinition: versioned, draftVersion: version + 1, publishedVersion: version } }),
  ]);
}
