import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { applyMigrations, readMigrationsList } from "@/lib/server/db/migrations";
import { createAdapterFactory } from "@/lib/server/db/adapter-factory";
import { resolveDatabaseTarget } from "@/lib/server/db/database-target";

describe("migrations", () => {
  it("are all recorded in _prisma_migrations, with checksums, on this back end", async () => {
    const { migrationDirectories } = await readMigrationsList();
    const rows = await db.$queryRaw<Array<{ migration_name: string; checksum: string; finished_at: Date | null }>>`
      SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.map((row) => row.migration_name)).toEqual(migrationDirectories.map((dir) => dir.path));
    for (const row of rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).not.toBeNull();
    }
  });

  it("create every table of the domain model", async () => {
    const tables = await db.$queryRaw<Array<{ table_name: string }>>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`;
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining([
        "Organization", "SupplierRelationship", "User", "Product", "ProductVersion", "Part", "SupplierPart", "StockReservation",
        "Order", "OrderItem", "PartsRequest", "ProductionJob", "Line", "LineShift", "LineCalendarException", "SetupTime",
        "FactorySettings", "LineCredential", "Plan", "PlanAssignment", "LineEvent", "AuditLog", "OutboxEvent",
      ]),
    );
  });

  it("apply nothing the second time", async () => {
    const target = resolveDatabaseTarget();
    // On PGlite the test's own client holds the one instance; close it before the engine opens the folder.
    const { disconnectDatabase } = await import("@/lib/server/db");
    await disconnectDatabase();
    const handle = await createAdapterFactory(target);
    try {
      expect(await applyMigrations(handle.factory)).toEqual([]);
    } finally {
      await handle.close();
    }
  });
});
