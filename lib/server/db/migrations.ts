import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { openSchemaEngine } from "./schema-engine";

export const PRISMA_DIR = path.resolve(process.cwd(), "prisma");
const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");
const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");
const LOCKFILE = { path: "migration_lock.toml", content: 'provider = "postgresql"\n' };
const NO_FILTERS = { externalTables: [], externalEnums: [] };

async function readSchema() {
  return { path: SCHEMA_PATH, content: await readFile(SCHEMA_PATH, "utf8") };
}

/** The committed migrations, in the shape the schema engine expects. */
export async function readMigrationsList() {
  const names = existsSync(MIGRATIONS_DIR)
    ? (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort()
    : [];
  const migrationDirectories = await Promise.all(
    names.map(async (name) => {
      const file = path.join(MIGRATIONS_DIR, name, "migration.sql");
      return { path: name, migrationFile: { path: "migration.sql", content: { tag: "ok", value: await readFile(file, "utf8") } } };
    }),
  );
  return { baseDir: MIGRATIONS_DIR, lockfile: LOCKFILE, shadowDbInitScript: "", migrationDirectories };
}

/** Applies every committed migration not yet applied; records them in `_prisma_migrations`. */
export async function applyMigrations(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const handle = await openSchemaEngine(adapterFactory, await readSchema());
  try {
    const result = await handle.engine.applyMigrations({ migrationsList: await readMigrationsList(), filters: NO_FILTERS });
    return result.appliedMigrationNames;
  } finally {
    await handle.dispose();
  }
}

/**
 * Writes a new migration folder with the SQL that takes the committed migrations to the
 * current schema. `shadowFactory` must offer a throwaway database (an in-memory PGlite).
 * Returns undefined when the schema has not changed.
 */
export async function createMigration(name: string, shadowFactory: SqlMigrationAwareDriverAdapterFactory, now = new Date()) {
  const schema = await readSchema();
  const migrationsList = await readMigrationsList();
  const from = migrationsList.migrationDirectories.length === 0 ? { tag: "empty" } : { tag: "migrations", ...migrationsList };
  const handle = await openSchemaEngine(shadowFactory, schema);
  try {
    const result = await handle.engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [schema] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    const sql = result.stdout ?? "";
    // An unchanged schema diffs to an empty script (or only the engine's comment).
    if (!sql.replace(/--.*$/gm, "").trim()) return undefined;
    return writeMigration(name, sql, now);
  } finally {
    await handle.dispose();
  }
}

export async function writeMigration(name: string, sql: string, now = new Date()) {
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const folder = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, "migration.sql"), sql);
  await writeFile(path.join(MIGRATIONS_DIR, LOCKFILE.path), LOCKFILE.content);
  return folder;
}
