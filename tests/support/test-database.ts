import { createHash, randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { createAdapterFactory } from "@/lib/server/db/adapter-factory";
import { applyMigrations } from "@/lib/server/db/migrations";

/**
 * Test databases. Migrations run once per test run into a template; every test file gets its
 * own copy (PGlite: a copied data folder, ~0.1 s; PostgreSQL: CREATE DATABASE … TEMPLATE), so
 * no file pays a fresh initdb and no file sees another's data.
 */
const ROOT = path.resolve(process.cwd(), ".test-data");
const TEMPLATE_DB = "tailorline_template";
const SEEDED_TEMPLATE_DB = "tailorline_template_seeded";

function migrationsFingerprint(): string {
  const dir = path.resolve(process.cwd(), "prisma", "migrations");
  const hash = createHash("sha256");
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name, "migration.sql");
    if (existsSync(file)) hash.update(name).update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 12);
}

export function postgresAdminUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  return url && url.startsWith("postgres") ? url : undefined;
}

export type DatabaseTemplate =
  | { kind: "pglite"; dir: string; seededDir: string }
  | { kind: "postgres"; adminUrl: string };

/**
 * Creates (if needed) two templates: migrated, and migrated + the demo seed (for tests of
 * flows over the demo catalogue, which would otherwise each pay for seeding).
 */
export async function prepareTemplate(): Promise<DatabaseTemplate> {
  const adminUrl = postgresAdminUrl();
  if (adminUrl) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      for (const name of [SEEDED_TEMPLATE_DB, TEMPLATE_DB]) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    } finally {
      await admin.end();
    }
    const { factory } = await createAdapterFactory({ kind: "postgres", url: withDatabase(adminUrl, TEMPLATE_DB) });
    await applyMigrations(factory);
    const creator = new pg.Client({ connectionString: adminUrl });
    await creator.connect();
    try {
      await creator.query(`CREATE DATABASE ${SEEDED_TEMPLATE_DB} TEMPLATE ${TEMPLATE_DB}`);
    } finally {
      await creator.end();
    }
    await seedInto(withDatabase(adminUrl, SEEDED_TEMPLATE_DB));
    return { kind: "postgres", adminUrl };
  }
  const fingerprint = `${migrationsFingerprint()}-${seedFingerprint()}`;
  const dir = path.join(ROOT, `template-${migrationsFingerprint()}`);
  const seededDir = path.join(ROOT, `template-seeded-${fingerprint}`);
  mkdirSync(ROOT, { recursive: true });
  if (!existsSync(dir)) {
    const building = path.join(ROOT, `building-${process.pid}-${randomBytes(4).toString("hex")}`);
    const handle = await createAdapterFactory({ kind: "pglite", dataDir: building });
    await applyMigrations(handle.factory);
    await handle.close();
    // A rename is atomic: a half-built template is never seen as ready.
    renameSync(building, dir);
  }
  if (!existsSync(seededDir)) {
    const building = path.join(ROOT, `building-${process.pid}-${randomBytes(4).toString("hex")}`);
    cpSync(dir, building, { recursive: true });
    await seedInto(`pglite:${building}`);
    renameSync(building, seededDir);
  }
  return { kind: "pglite", dir, seededDir };
}

/** The demo seed's inputs: a changed seed or example catalogue makes a new seeded template. */
function seedFingerprint(): string {
  const hash = createHash("sha256");
  const folders = [path.resolve(process.cwd(), "prisma", "seed"), path.resolve(process.cwd(), "lib", "core", "configurator", "examples")];
  for (const folder of folders) {
    for (const name of readdirSync(folder).sort()) hash.update(name).update(readFileSync(path.join(folder, name)));
  }
  return hash.digest("hex").slice(0, 12);
}

async function seedInto(url: string): Promise<void> {
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = url;
  const { seedDemoData } = await import("@/prisma/seed/seed-demo-data");
  const { disconnectDatabase } = await import("@/lib/server/db");
  try {
    await seedDemoData();
  } finally {
    await disconnectDatabase();
    process.env.DATABASE_URL = previous;
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A fresh database for one test file, copied from a template; returns its URL and a remover. */
export async function createTestDatabase(template: DatabaseTemplate, seeded = false): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `t_${process.pid}_${randomBytes(5).toString("hex")}`;
  if (template.kind === "pglite") {
    const dir = path.join(ROOT, "runs", name);
    cpSync(seeded ? template.seededDir : template.dir, dir, { recursive: true });
    return { url: `pglite:${dir}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = new pg.Client({ connectionString: template.adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${seeded ? SEEDED_TEMPLATE_DB : TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(template.adminUrl, name),
    drop: async () => {
      const client = new pg.Client({ connectionString: template.adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
