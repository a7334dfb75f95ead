import { db } from "../db";
import { resolveDatabaseTarget } from "./database-target";

/**
 * PGlite runs PostgreSQL in single-user mode, where autovacuum never runs: every update leaves
 * its old row version behind, and scans of often-updated tables (jobs, parts requests, orders,
 * plans) slow down as they fill with them. On PGlite this vacuums the database (reclaiming the
 * dead versions and setting hint bits); on PostgreSQL it does nothing — autovacuum does that.
 * Returns whether it vacuumed.
 */
export async function vacuumEmbeddedDatabase(): Promise<boolean> {
  if (resolveDatabaseTarget().kind !== "pglite") return false;
  await db.$executeRawUnsafe("VACUUM");
  return true;
}
