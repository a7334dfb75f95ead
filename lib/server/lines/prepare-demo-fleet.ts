import { loadActorForUser } from "../auth/load-actor";
import { clock } from "../clock";
import { db } from "../db";
import { createLineCredential } from "./create-line-credential";
import { queueJobsOnLine } from "./queue-jobs-on-line";
import { revokeLineCredential } from "./revoke-line-credential";

export const DEMO_FLEET_LABEL = "demo fleet";
const DEMO_JOBS_PER_LINE = 16;
const DAY_MS = 86_400_000;

export type DemoAgent = { lineId: string; code: string; token: string };

/**
 * Gets the demo factory's lines ready for the simulated fleet: every run gets fresh credentials
 * (the previous run's are revoked, through the same use cases an admin uses), and a line with
 * an empty queue gets demo work queued and published by its planner — so the demo is alive
 * before the first order is placed. Runs before the server starts (PGlite allows one process).
 */
export async function prepareDemoFleet(): Promise<DemoAgent[]> {
  const lines = await db.line.findMany({ orderBy: [{ manufacturerId: "asc" }, { code: "asc" }], select: { id: true, code: true, manufacturerId: true, currentFamily: true, capabilities: true } });
  const agents: DemoAgent[] = [];
  for (const line of lines) {
    const [admin, planner] = await Promise.all(["admin", "planner"].map((role) => db.user.findFirst({ where: { organizationId: line.manufacturerId, role: role as "admin" | "planner", active: true }, orderBy: { createdAt: "asc" }, select: { id: true, sessionVersion: true } })));
    if (!admin || !planner) continue;
    const adminActor = await loadActorForUser(admin.id, admin.sessionVersion);
    const stale = await db.lineCredential.findMany({ where: { lineId: line.id, label: DEMO_FLEET_LABEL, revokedAt: null }, select: { id: true } });
    for (const credential of stale) await revokeLineCredential(adminActor, line.id, credential.id, null);
    const { token } = await createLineCredential(adminActor, line.id, { label: DEMO_FLEET_LABEL }, null);
    agents.push({ lineId: line.id, code: line.code, token });

    const queued = await db.productionJob.count({ where: { lineId: line.id, status: { in: ["queued", "running"] } } });
    if (queued === 0) {
      const jobIds = await createDemoJobs(line);
      await queueJobsOnLine(await loadActorForUser(planner.id, planner.sessionVersion), line.id, { jobIds }, null);
    }
  }
  return agents;
}

async function createDemoJobs(line: { id: string; code: string; manufacturerId: string; currentFamily: string | null; capabilities: string[] }): Promise<string[]> {
  const families = await db.setupTime.findMany({ where: { manufacturerId: line.manufacturerId }, distinct: ["toFamily"], select: { toFamily: true }, take: 3 });
  const familyChoices = [line.currentFamily, ...families.map((family) => family.toFamily)].filter((family): family is string => !!family);
  const existing = await db.productionJob.count({ where: { manufacturerId: line.manufacturerId, code: { startsWith: `DEMO-${line.code}-` } } });
  const now = clock.now().getTime();
  const jobs = await db.productionJob.createManyAndReturn({
    data: Array.from({ length: DEMO_JOBS_PER_LINE }, (_, i) => ({
      manufacturerId: line.manufacturerId,
      code: `DEMO-${line.code}-${String(existing + i + 1).padStart(4, "0")}`,
      // Runs of the same family, then a changeover: what a planner's sequence looks like.
      family: familyChoices[Math.floor(i / 5) % Math.max(familyChoices.length, 1)] ?? "demo",
      requires: line.capabilities.slice(0, 2),
      minutes: 30 + ((i * 17) % 60),
      release: new Date(now),
      due: new Date(now + 3 * DAY_MS),
      status: "ready" as const,
    })),
    select: { id: true },
  });
  return jobs.map((job) => job.id);
}
