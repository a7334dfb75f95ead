/**
 * `npm run db:reset` — starts the database over: the embedded folder is deleted (PostgreSQL:
 * the public schema is dropped, only with `-- --yes`), then migrated and seeded.
 */
import { rmSync } from "node:fs";
import pg from "pg";
import { createAdapterFactory } from "../lib/server/db/adapter-factory";
import { describeDatabaseTarget, resolveDatabaseTarget } from "../lib/server/db/database-target";
import { applyMigrations } from "../lib/server/db/migrations";
import { disconnectDatabase } from "../lib/server/db";
import { seedDemoData } from "../prisma/seed/seed-demo-data";

async function main() {
  const target = resolveDatabaseTarget();
  if (target.kind === "pglite") {
    rmSync(target.dataDir, { recursive: true, force: true });
  } else {
    if (!process.argv.includes("--yes")) {
      console.error(`This drops every table of ${describeDatabaseTarget(target)}. Run again with: npm run db:reset -- --yes`);
      return 2;
    }
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    await client.end();
  }
  const handle = await createAdapterFactory(target);
  await applyMigrations(handle.factory);
  await handle.close();
  const summary = await seedDemoData();
  await disconnectDatabase();
  console.log(`Reset ${describeDatabaseTarget(target)}: ${Object.entries(summary).map(([k, v]) => `${v} ${k}`).join(", ")}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error("Reset failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
