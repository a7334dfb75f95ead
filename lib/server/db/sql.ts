import { createHash } from "node:crypto";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import type pg from "pg";
import { database } from "../db";

/**
 * Plain SQL on the process's one database, beside the Prisma client and on the same connections
 * (the same pg pool; the same PGlite instance, which runs one statement or transaction at a
 * time). For the few hot paths where Prisma's cost per statement — its query compiler and
 * interpreter, a statement per relation, a round trip each — is most of the work: order
 * placement writes a whole order in one statement (docs/decisions/0012).
 *
 * Statements are written for PostgreSQL and PGlite alike. Values go in as strings, numbers,
 * booleans, null or arrays of those, with explicit casts in the SQL (times as ISO strings,
 * JSON as text); times come back as epoch milliseconds (`float8`) and counts as `int`, so both
 * drivers return the same JavaScript values whatever the process's time zone.
 */
export type SqlValue = string | number | boolean | null | readonly string[] | readonly number[];

export interface SqlQueryable {
  query<Row>(text: string, values?: readonly SqlValue[]): Promise<Row[]>;
}

export interface Sql extends SqlQueryable {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
}

/**
 * SQL for a timestamp column's epoch milliseconds, as float8 (null stays null): how times come
 * back from plain statements, as a column or inside JSON, whatever the process's time zone.
 */
export function epochMs(column: string): string {
  return `(extract(epoch FROM ${column}) * 1000)::float8`;
}

/**
 * Every statement here is a constant text, so each is prepared once per connection under a name
 * derived from its text: PostgreSQL parses and plans it once, not at every call (the order's
 * one statement writes to ten tables).
 */
const statementNames = new Map<string, string>();

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `tl_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * Runs `work` on one pooled connection between BEGIN and COMMIT (ROLLBACK when it throws). A
 * connection that cannot roll back is not given back to the pool.
 */
export async function pgTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    try {
      await client.query("ROLLBACK");
    } catch (rollbackError) {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    }
    throw error;
  } finally {
    client.release(broken);
  }
}

function onPool(pool: pg.Pool): Sql {
  const queryable = (client: pg.Pool | pg.PoolClient): SqlQueryable => ({
    async query<Row>(text: string, values: readonly SqlValue[] = []) {
      return (await client.query({ name: statementName(text), text, values: values as unknown[] })).rows as Row[];
    },
  });
  return {
    ...queryable(pool),
    transaction: (work) => pgTransaction(pool, (client) => work(queryable(client))),
  };
}

function onPglite(pglite: PGlite): Sql {
  const queryable = (client: PGlite | Transaction): SqlQueryable => ({
    async query<Row>(text: string, values: readonly SqlValue[] = []) {
      return (await client.query<Row>(text, values as unknown[])).rows;
    },
  });
  return {
    ...queryable(pglite),
    transaction: (work) => pglite.transaction((tx) => work(queryable(tx))),
  };
}

const globalForSql = globalThis as unknown as { __tailorlineSql?: { for: object; sql: Sql } };

/** The SQL interface to the current database (opened on first use, like the Prisma client). */
export function sql(): Sql {
  const state = database();
  const key = state.pool ?? state.pglite ?? state.client;
  const cached = globalForSql.__tailorlineSql;
  if (cached && cached.for === key) return cached.sql;
  const made = state.pool ? onPool(state.pool) : state.pglite ? onPglite(state.pglite) : null;
  if (!made) throw new Error("plain SQL needs a pg pool or a PGlite instance");
  globalForSql.__tailorlineSql = { for: key, sql: made };
  return made;
}
