import { db } from "../db";
import { describeDatabaseTarget, resolveDatabaseTarget } from "../db/database-target";

export const APP_VERSION = process.env.npm_package_version ?? "0.1.0";

/** Is the database reachable? Reported by GET /api/health for load balancers and people. */
export async function checkHealth() {
  const started = performance.now();
  let database: { ok: boolean; kind: string; latencyMs?: number; error?: string };
  const target = resolveDatabaseTarget();
  try {
    await db.$queryRaw`SELECT 1`;
    database = { ok: true, kind: target.kind, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    database = { ok: false, kind: target.kind, error: error instanceof Error ? error.message.slice(0, 200) : "unreachable" };
  }
  return { ok: database.ok, version: APP_VERSION, database, target: describeDatabaseTarget(target) };
}
