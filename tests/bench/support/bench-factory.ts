import type { NewEvent } from "../../../scripts/line-agent/agent-link";

/**
 * The factory the agent and cluster benchmarks drive: a manufacturer with an admin and a planner,
 * and `lines` lines, each with a credential and a queue of `jobsPerLine` ten-minute jobs in one
 * published plan. Queues are written directly (not published line by line): the set-up is not
 * what is measured, and one publish per line would re-copy every other line's assignments.
 * Call after DATABASE_URL and AUTH_SECRET are set and the database is migrated.
 */
export type BenchFactory = {
  manufacturerId: string;
  planner: { id: string; email: string; sessionVersion: number };
  agents: Array<{ lineId: string; token: string; jobIds: string[] }>;
};

export async function createBenchFactory(options: { lines: number; jobsPerLine: number; onProgress?: (message: string) => void }): Promise<BenchFactory> {
  const { db } = await import("../../../lib/server/db");
  const { loadActorForUser } = await import("../../../lib/server/auth/load-actor");
  const { createLineCredential } = await import("../../../lib/server/lines/create-line-credential");

  const suffix = Date.now().toString(36);
  const manufacturer = await db.organization.create({ data: { slug: `bench-${suffix}`, name: "Bench factory", kind: "manufacturer" } });
  const admin = await db.user.create({ data: { email: `admin-${suffix}@bench.test`, name: "Bench admin", role: "admin", organizationId: manufacturer.id, passwordHash: "x" } });
  const planner = await db.user.create({ data: { email: `planner-${suffix}@bench.test`, name: "Bench planner", role: "planner", organizationId: manufacturer.id, passwordHash: "x" } });
  const adminActor = await loadActorForUser(admin.id, admin.sessionVersion);
  const now = Date.now();
  const plan = await db.plan.create({ data: { manufacturerId: manufacturer.id, version: 1, status: "published", source: "manual", createdById: planner.id, publishedAt: new Date(now) } });
  const agents: BenchFactory["agents"] = [];
  for (let i = 0; i < options.lines; i++) {
    const line = await db.line.create({ data: { manufacturerId: manufacturer.id, code: `B${String(i).padStart(3, "0")}`, name: `Bench line ${i}`, capabilities: ["assembly"] } });
    const jobs = await db.productionJob.createManyAndReturn({
      data: Array.from({ length: options.jobsPerLine }, (_, j) => ({
        manufacturerId: manufacturer.id, code: `B${i}-${j}`, family: "bench", requires: ["assembly"], minutes: 10, release: new Date(now), due: new Date(now + 86_400_000),
        status: "queued" as const, lineId: line.id, start: new Date(now + j * 600_000), end: new Date(now + (j + 1) * 600_000), setupMinutes: 0,
      })),
      select: { id: true, start: true, end: true },
    });
    await db.planAssignment.createMany({ data: jobs.map((job, j) => ({ planId: plan.id, jobId: job.id, lineId: line.id, sequence: j, start: job.start!, end: job.end!, setupMinutes: 0 })) });
    const { token } = await createLineCredential(adminActor, line.id, { label: "bench" }, null);
    agents.push({ lineId: line.id, token, jobIds: jobs.map((job) => job.id) });
    if ((i + 1) % 25 === 0) options.onProgress?.(`${i + 1} lines ready`);
  }
  return { manufacturerId: manufacturer.id, planner, agents };
}

/** Progress reports per job in the benches' event streams. */
export const PROGRESS_PER_JOB = 50;

/** Jobs each line needs so its stream (started, progress…, completed per job) lasts the run. */
export function jobsPerLineFor(eventsPerSecond: number, seconds: number): number {
  return Math.ceil((eventsPerSecond * seconds) / (PROGRESS_PER_JOB + 2)) + 2;
}

/**
 * What a bench line reports: each queued job started, PROGRESS_PER_JOB progress reports and
 * completed (with some scrap when `scrap` is set), then status changes for as long as asked.
 */
export function* lineEvents(jobIds: string[], options: { scrap: boolean }): Generator<NewEvent> {
  for (const jobId of jobIds) {
    yield { type: "job_started", jobId };
    yield { type: "status", status: "running" };
    for (let i = 1; i <= PROGRESS_PER_JOB; i++) yield { type: "job_progress", jobId, percent: (i * 100) / (PROGRESS_PER_JOB + 1), good: Math.floor(i / 10), scrap: options.scrap ? Math.floor(i / 25) : 0 };
    yield { type: "job_completed", jobId, good: Math.floor(PROGRESS_PER_JOB / 10) + 1, scrap: options.scrap ? 2 : 0 };
  }
  for (let i = 0; ; i++) yield { type: "status", status: i % 2 ? "idle" : "running" };
}

/** A new empty database on the PostgreSQL server of `adminUrl`; its URL. */
export async function freshPostgresDatabase(adminUrl: string, prefix: string): Promise<string> {
  const { default: pg } = await import("pg");
  const name = `${prefix}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropPostgresDatabase(adminUrl: string, databaseUrl: string): Promise<void> {
  const { default: pg } = await import("pg");
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${new URL(databaseUrl).pathname.slice(1)} WITH (FORCE)`);
  await admin.end();
}
