import type { CreateSupplier } from "@/lib/core/parts/supplier-schemas";
import type { Actor, UserActor } from "@/lib/core/policy";
import { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import { hashPassword } from "../auth/password";
import { db } from "../db";
import { conflict, notFound } from "../errors";

function requireSuppliersAdmin(actor: Actor): UserActor & { organizationId: string } {
  const manufacturerId = actor.kind === "user" ? (actor.organizationId ?? undefined) : undefined;
  authorize(actor, "suppliers.manage", { manufacturerId });
  return actor as UserActor & { organizationId: string };
}

/** Supplier organizations on the platform, and whether each serves the admin's factory. */
export async function listSuppliersForManufacturer(actor: Actor) {
  const admin = requireSuppliersAdmin(actor);
  const suppliers = await db.organization.findMany({
    where: { kind: "supplier" },
    orderBy: { name: "asc" },
    select: {
      id: true, slug: true, name: true,
      customers: { where: { manufacturerId: admin.organizationId }, select: { createdAt: true } },
      _count: { select: { supplierParts: { where: { part: { manufacturerId: admin.organizationId } } } } },
    },
  });
  return suppliers.map((supplier) => ({
    id: supplier.id,
    slug: supplier.slug,
    name: supplier.name,
    servesUs: supplier.customers.length > 0,
    since: supplier.customers[0]?.createdAt ?? null,
    offers: supplier._count.supplierParts,
  }));
}

/** Starts or ends a supplier's service to this manufacturer; its offers stay but are not used while unlinked. */
export async function setSupplierLink(actor: Actor, supplierId: string, linked: boolean, address: string | null) {
  const admin = requireSuppliersAdmin(actor);
  return db.$transaction(async (tx) => {
    const supplier = await tx.organization.findFirst({ where: { id: supplierId, kind: "supplier" }, select: { id: true } });
    if (!supplier) throw notFound("Supplier");
    const key = { manufacturerId_supplierId: { manufacturerId: admin.organizationId, supplierId } };
    if (linked) await tx.supplierRelationship.upsert({ where: key, create: { manufacturerId: admin.organizationId, supplierId }, update: {} });
    else await tx.supplierRelationship.deleteMany({ where: { manufacturerId: admin.organizationId, supplierId } });
    await recordAudit(tx, { actor: admin, action: linked ? "supplier.link" : "supplier.unlink", targetType: "organization", targetId: supplierId, address });
    return { supplierId, linked };
  });
}

export async function createSupplierOrganization(actor: Actor, input: CreateSupplier, address: string | null) {
  const admin = requireSuppliersAdmin(actor);
  const passwordHash = await hashPassword(input.adminPassword);
  try {
    return await db.$transaction(async (tx) => {
      const supplier = await tx.organization.create({ data: { name: input.name, slug: input.slug, kind: "supplier" }, select: { id: true, slug: true, name: true } });
      await tx.user.create({ data: { name: input.adminName, email: input.adminEmail, passwordHash, role: "admin", organizationId: supplier.id } });
      await tx.supplierRelationship.create({ data: { manufacturerId: admin.organizationId, supplierId: supplier.id } });
      await recordAudit(tx, { actor: admin, action: "supplier.create", targetType: "organization", targetId: supplier.id, address, details: { slug: supplier.slug, adminEmail: input.adminEmail } });
      return supplier;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw conflict("ALREADY_EXISTS", "That slug or admin email is already taken.", { fields: [{ path: "slug", message: "Check slug and email." }] });
    }
    throw error;
  }
}
