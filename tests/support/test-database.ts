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

/** Creates (if needed) the migrated template; returns how to reach it. */
export async function prepareTemplate(): Promise<{ kind: "pglite"; dir: string } | { kind: "postgres"; adminUrl: string }> {
  const adminUrl = postgresAdminUrl();
  if (adminUrl) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    } finally {
      await admin.end();
    }
    const { factory } = await createAdapterFactory({ kind: "postgres", url: withDatabase(adminUrl, TEMPLATE_DB) });
    await applyMigrations(factory);
    return { kind: "postgres", adminUrl };
  }
  const dir = path.join(ROOT, `template-${migrationsFingerprint()}`);
  if (!existsSync(dir)) {
    mkdirSync(ROOT, { recursive: true });
    const building = path.join(ROOT, `building-${process.pid}-${randomBytes(4).toString("hex")}`);
    const handle = await createAdapterFactory({ kind: "pglite", dataDir: building });
    await applyMigrations(handle.factory);
    await handle.close();
    // A rename is atomic: a half-built template is never seen as ready.
    renameSync(building, dir);
  }
  return { kind: "pglite", dir };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A fresh database for one test file, copied from the template; returns its URL and a remover. */
export async function createTestDatabase(template: Awaited<ReturnType<typeof prepareTemplate>>): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `t_${process.pid}_${randomBytes(5).toString("hex")}`;
  if (template.kind === "pglite") {
    const dir = path.join(ROOT, "runs", name);
    cpSync(template.dir, dir, { recursive: true });
    return { url: `pglite:${dir}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = new pg.Client({ connectionString: template.adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
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
