import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/generated/prisma/client";
import { openPgliteSync } from "./db/pglite-instance";
import { resolveDatabaseTarget } from "./db/database-target";

/**
 * The one Prisma client of this process. A global singleton: the custom server (server.ts)
 * and Next's bundled route handlers are separate module graphs in one process, and Next's
 * dev reloads re-evaluate modules; all of them must share one client — and, on PGlite, one
 * embedded database instance (PGlite allows one per data folder).
 */
type DatabaseState = { client: PrismaClient; pglite?: PGlite };

const globalForDb = globalThis as unknown as { __tailorlineDb?: DatabaseState };

function createDatabase(): DatabaseState {
  const target = resolveDatabaseTarget();
  if (target.kind === "postgres") {
    const max = Number(process.env.DATABASE_POOL_SIZE ?? 10);
    return { client: new PrismaClient({ adapter: new PrismaPg({ connectionString: target.url, max }, { statementNameGenerator: preparedStatementName }) }) };
  }
  const pglite = openPgliteSync(target.dataDir);
  return { client: new PrismaClient({ adapter: new PrismaPGlite(pglite) }), pglite };
}

/**
 * A raw statement that starts with `/* prepared:<name> *\/` is prepared once per connection and
 * then only bound and executed: PostgreSQL neither parses nor plans it again. Only for a hot
 * statement whose text never varies (one name, one text); every other query stays unnamed.
 */
const PREPARED = /^\/\* prepared:([a-z_]+) \*\//;
const preparedStatementName = ((query: { sql: string }) => PREPARED.exec(query.sql)?.[1]) as (query: { sql: string }) => string;

function database(): DatabaseState {
  globalForDb.__tailorlineDb ??= createDatabase();
  return globalForDb.__tailorlineDb;
}

/** Lazily opened on first use, so importing this module costs nothing. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = database().client;
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** Closes the client and the embedded database; the next use opens them again. */
export async function disconnectDatabase(): Promise<void> {
  const state = globalForDb.__tailorlineDb;
  if (!state) return;
  globalForDb.__tailorlineDb = undefined;
  await state.client.$disconnect();
  if (state.pglite && !state.pglite.closed) await state.pglite.close();
}
