import { afterAll, beforeAll, inject } from "vitest";
import { createTestDatabase } from "../../support/test-database";

/** Every integration test file runs against its own copy of the migrated template. */
let dropDatabase: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const database = await createTestDatabase(inject("databaseTemplate"));
  process.env.DATABASE_URL = database.url;
  dropDatabase = database.drop;
});

afterAll(async () => {
  const { disconnectDatabase } = await import("@/lib/server/db");
  await disconnectDatabase();
  await dropDatabase?.();
});
