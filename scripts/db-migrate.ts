/**
 * `npm run db:migrate` — applies the committed migrations to the configured database
 * (embedded PGlite by default, PostgreSQL with DATABASE_URL), offline.
 * `npm run db:migrate -- --create <name>` — writes a new migration from schema changes
 * (diffed on a throwaway in-memory PGlite).
 */
import { z } from "zod";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { createAdapterFactory } from "../lib/server/db/adapter-factory";
import { describeDatabaseTarget, resolveDatabaseTarget } from "../lib/server/db/database-target";
import { applyMigrations, createMigration } from "../lib/server/db/migrations";

const ArgsSchema = z.union([
  z.tuple([]),
  z.tuple([z.literal("--create"), z.string().regex(/^[a-z0-9_]+$/, "migration name: lowercase letters, digits and _")]),
]);

async function main() {
  const parsed = ArgsSchema.safeParse(process.argv.slice(2));
  if (!parsed.success) {
    console.error(`Usage: db:migrate [--create <name>]\n${parsed.error.issues.map((i) => i.message).join("\n")}`);
    return 2;
  }
  if (parsed.data.length === 2) {
    const folder = await createMigration(parsed.data[1], new PrismaPGlite(new PGlite()));
    console.log(folder ? `Created ${folder}` : "The schema matches the migrations: nothing to create.");
    return 0;
  }
  const target = resolveDatabaseTarget();
  const started = Date.now();
  const { factory, close } = await createAdapterFactory(target);
  try {
    const applied = await applyMigrations(factory);
    console.log(
      applied.length
        ? `Applied ${applied.length} migration(s) to ${describeDatabaseTarget(target)} in ${Date.now() - started} ms: ${applied.join(", ")}`
        : `${describeDatabaseTarget(target)} is up to date.`,
    );
  } finally {
    await close();
  }
  return 0;
}

main().then(
  // The schema engine leaves a timer behind; exit explicitly.
  (code) => process.exit(code),
  (error) => {
    console.error("Migration failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
