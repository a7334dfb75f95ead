import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/generated/prisma/client";
import { openPgliteSync } from "./db/pglite-instance";
import { resolveDatabaseTarget } from "./db/database-target";
import { logger } from "./logger";

/**
 * The one Prisma client of this process. A global singleton: the custom server (server.ts)
 * and Next's bundled route handlers are separate module graphs in one process, and Next's
 * dev reloads re-evaluate modules; all of them must share one client — and, on PGlite, one
 * embedded database instance (PGlite allows one per data folder).
 */
type DatabaseState = { client: PrismaClient; pglite?: PGlite; pool?: pg.Pool };

const globalForDb = globalThis as unknown as { __tailorlineDb?: DatabaseState };

function createDatabase(): DatabaseState {
  const target = resolveDatabaseTarget();
  if (target.kind === "postgres") {
    const max = Number(process.env.DATABASE_POOL_SIZE ?? 10);
    // One pool for the Prisma client and plain SQL (lib/server/db/sql.ts, line-batch-sql.ts).
    const pool = new pg.Pool({ connectionString: target.url, max });
    // An idle connection's error (a server restart) must not crash the process; the pool replaces it.
    pool.on("error", (error) => logger.warn({ err: error }, "idle database connection failed"));
    return { client: new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }), pool };
  }
  const pglite = openPgliteSync(target.dataDir, target.snapshot);
  return { client: new PrismaClient({ adapter: new PrismaPGlite(pglite) }), pglite };
}

export function database(): DatabaseState {
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

/**
 * On PostgreSQL, the pool under the Prisma client — for the one hot path that sends its own
 * prepared statement (lib/server/lines/line-batch-sql.ts) without Prisma's parameter
 * serialization. Undefined on PGlite (one connection, which Prisma's adapter must own).
 */
export function postgresPool(): pg.Pool | undefined {
  return database().pool;
}

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
