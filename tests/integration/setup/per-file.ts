import { afterAll, beforeAll, inject } from "vitest";
import { createTestDatabase } from "../../support/test-database";

/**
 * Every integration test file runs against its own copy of the migrated template; files named
 * `*.seeded.test.ts` get a copy that already holds the demo seed.
 */
let dropDatabase: (() => Promise<void>) | undefined;

beforeAll(async ({}, suite) => {
  const seeded = "filepath" in suite && typeof suite.filepath === "string" && suite.filepath.endsWith(".seeded.test.ts");
  const database = await createTestDatabase(inject("databaseTemplate"), seeded);
  process.env.DATABASE_URL = database.url;
  dropDatabase = database.drop;
});

afterAll(async () => {
  const { disconnectDatabase } = await import("@/lib/server/db");
  await disconnectDatabase();
  await dropDatabase?.();
});
