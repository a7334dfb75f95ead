import { db } from "../db";
import { describeDatabaseTarget, resolveDatabaseTarget } from "../db/database-target";
import { socketFanout } from "../realtime/live-hub";

export const APP_VERSION = process.env.npm_package_version ?? "0.1.0";

type Dependency = { ok: boolean; latencyMs?: number; error?: string };

/**
 * Is the database reachable — and, with REDIS_URL, Redis (the fan-out to the other app
 * processes)? Reported by GET /api/health for load balancers and people. Only the database
 * decides `ok`: without Redis every process still serves pages and takes events (live updates
 * reach only its own browsers until Redis is back), and failing them all would be an outage.
 */
export async function checkHealth() {
  const started = performance.now();
  let database: Dependency & { kind: string };
  const target = resolveDatabaseTarget();
  try {
    await db.$queryRaw`SELECT 1`;
    database = { ok: true, kind: target.kind, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    database = { ok: false, kind: target.kind, error: error instanceof Error ? error.message.slice(0, 200) : "unreachable" };
  }
  const redis = await checkRedis();
  return { ok: database.ok, version: APP_VERSION, database, target: describeDatabaseTarget(target), ...(redis ? { redis } : {}) };
}

async function checkRedis(): Promise<Dependency | undefined> {
  const fanout = socketFanout();
  if (!fanout) return undefined;
  if (!fanout.isReady()) return { ok: false, error: "not connected (reconnecting)" };
  try {
    return { ok: true, latencyMs: await fanout.ping() };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message.slice(0, 200) : "unreachable" };
  }
}
