import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { resolveDatabaseTarget } from "@/lib/server/db/database-target";
import { vacuumEmbeddedDatabase } from "@/lib/server/db/vacuum-embedded-database";

async function deadRows(table: string): Promise<number> {
  // Statistics reach the views when a session reports them, not at once: ask for it first.
  await db.$executeRaw`SELECT pg_stat_force_next_flush()`;
  await db.$queryRaw`SELECT 1`;
  const [row] = await db.$queryRaw<Array<{ dead: number }>>`SELECT n_dead_tup::int AS dead FROM pg_stat_user_tables WHERE relname = ${table}`;
  return row?.dead ?? 0;
}

describe("vacuuming the embedded database", () => {
  it("reclaims the row versions updates left behind on PGlite, and leaves PostgreSQL to its autovacuum", async () => {
    const organization = await db.organization.create({ data: { name: "Vacuum works", slug: `vacuum-${Date.now()}`, kind: "manufacturer" } });
    for (let i = 0; i < 20; i++) await db.organization.update({ where: { id: organization.id }, data: { name: `Vacuum works ${i}` } });
    const embedded = resolveDatabaseTarget().kind === "pglite";
    if (embedded) expect(await deadRows("Organization")).toBeGreaterThanOrEqual(20);
    expect(await vacuumEmbeddedDatabase()).toBe(embedded);
    if (embedded) expect(await deadRows("Organization")).toBe(0);
    expect((await db.organization.findUniqueOrThrow({ where: { id: organization.id } })).name).toBe("Vacuum works 19");
  });
});
