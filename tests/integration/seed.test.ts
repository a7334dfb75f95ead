import { describe, expect, it } from "vitest";
import { authenticateUser } from "@/lib/server/auth/authenticate-user";
import { db } from "@/lib/server/db";
import { seedDemoData } from "@/prisma/seed/seed-demo-data";

async function snapshot() {
  const [organizations, users, products, versions, parts, offers, lines, shifts, exceptions, setups, relationships] = await Promise.all([
    db.organization.findMany({ orderBy: { slug: "asc" }, select: { id: true, slug: true, kind: true } }),
    db.user.findMany({ orderBy: { email: "asc" }, select: { id: true, email: true, role: true, organizationId: true, passwordHash: true } }),
    db.product.findMany({ orderBy: { slug: "asc" }, select: { id: true, slug: true, publishedVersion: true } }),
    db.productVersion.count(),
    db.part.count(),
    db.supplierPart.findMany({ orderBy: { id: "asc" }, select: { id: true, unitPrice: true, leadTimeDays: true } }),
    db.line.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, capabilities: true } }),
    db.lineShift.count(),
    db.lineCalendarException.count(),
    db.setupTime.count(),
    db.supplierRelationship.count(),
  ]);
  return { organizations, users, products, versions, parts, offers, lines, shifts, exceptions, setups, relationships };
}

describe("demo seed", () => {
  it("creates the demo world, and a second run changes nothing", async () => {
    await seedDemoData();
    const first = await snapshot();
    await seedDemoData();
    expect(await snapshot()).toEqual(first);

    expect(first.organizations.filter((o) => o.kind === "manufacturer")).toHaveLength(2);
    expect(first.organizations.filter((o) => o.kind === "supplier")).toHaveLength(3);
    expect(first.lines.length).toBeGreaterThanOrEqual(8);
    expect(first.versions).toBe(first.products.length);
    expect(first.products.every((product) => product.publishedVersion === 1)).toBe(true);
  });

  it("has the four documented sign-ins with the password tailorline, in the right organizations", async () => {
    await seedDemoData();
    const meridian = await db.organization.findUniqueOrThrow({ where: { slug: "meridian" }, include: { customers: true } });
    const nordkyl = await db.organization.findUniqueOrThrow({ where: { slug: "nordkyl" } });
    expect(meridian.customers).toHaveLength(2); // the supplier serving both manufacturers
    const expected = {
      "consumer@tailorline.test": { role: "consumer", organizationId: null },
      "supplier@tailorline.test": { role: "supplier", organizationId: meridian.id },
      "planner@tailorline.test": { role: "planner", organizationId: nordkyl.id },
      "admin@tailorline.test": { role: "admin", organizationId: nordkyl.id },
    } as const;
    for (const [email, shape] of Object.entries(expected)) {
      expect(await db.user.findUniqueOrThrow({ where: { email } })).toMatchObject(shape);
      expect((await authenticateUser({ email, password: "tailorline" }, null)).ok).toBe(true);
    }
  });
});
