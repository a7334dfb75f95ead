import path from "node:path";

/**
 * Where the data lives. No DATABASE_URL (or `pglite:<dir>`): the embedded PGlite database in
 * ./.data/pglite, so a fresh clone runs with no server. `postgres://…`: a PostgreSQL server,
 * with the same migrations.
 */
export type DatabaseTarget = { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };

export function resolveDatabaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (!url) return { kind: "pglite", dataDir: path.resolve(/*turbopackIgnore: true*/ process.cwd(), ".data", "pglite") };
  if (url.startsWith("pglite:")) return { kind: "pglite", dataDir: path.resolve(/*turbopackIgnore: true*/ process.cwd(), url.slice("pglite:".length)) };
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) return { kind: "postgres", url };
  throw new Error(`DATABASE_URL must start with postgres://, postgresql:// or pglite: (got "${url.split(":")[0]}:…")`);
}

export function describeDatabaseTarget(target: DatabaseTarget): string {
  if (target.kind === "pglite") return `PGlite at ${path.relative(/*turbopackIgnore: true*/ process.cwd(), target.dataDir) || "."}`;
  const parsed = new URL(target.url);
  return `PostgreSQL at ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}
