import path from "node:path";

/**
 * Where the data lives. No DATABASE_URL (or `pglite:<dir>`): the embedded PGlite database in
 * ./.data/pglite, so a fresh clone runs with no server. `pglite-memory:<file.tar>`: an embedded
 * database held in memory, started from a data-folder snapshot (PGlite's `dumpDataDir`) and
 * gone when the process ends — for throwaway runs such as the simulation, which spend a third
 * of their time in PGlite's file-system layer on disk. `postgres://…`: a PostgreSQL server,
 * with the same migrations.
 */
export type DatabaseTarget = { kind: "pglite"; dataDir: string; snapshot?: string } | { kind: "postgres"; url: string };

/** The data folder of an in-memory PGlite (nothing is written to disk). */
export const IN_MEMORY_DATA_DIR = "memory://";

export function resolveDatabaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (!url) return { kind: "pglite", dataDir: path.resolve(/*turbopackIgnore: true*/ process.cwd(), ".data", "pglite") };
  if (url.startsWith("pglite:")) return { kind: "pglite", dataDir: path.resolve(/*turbopackIgnore: true*/ process.cwd(), url.slice("pglite:".length)) };
  if (url.startsWith("pglite-memory:")) {
    return { kind: "pglite", dataDir: IN_MEMORY_DATA_DIR, snapshot: path.resolve(/*turbopackIgnore: true*/ process.cwd(), url.slice("pglite-memory:".length)) };
  }
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) return { kind: "postgres", url };
  throw new Error(`DATABASE_URL must start with postgres://, postgresql://, pglite: or pglite-memory: (got "${url.split(":")[0]}:…")`);
}

export function describeDatabaseTarget(target: DatabaseTarget): string {
  if (target.kind === "pglite" && target.snapshot) return `PGlite in memory, from ${path.relative(/*turbopackIgnore: true*/ process.cwd(), target.snapshot)}`;
  if (target.kind === "pglite") return `PGlite at ${path.relative(/*turbopackIgnore: true*/ process.cwd(), target.dataDir) || "."}`;
  const parsed = new URL(target.url);
  return `PostgreSQL at ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}
