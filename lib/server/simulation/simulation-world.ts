import { productionWindows } from "@/lib/core/planning/production-windows";
import type { Actor, UserActor } from "@/lib/core/policy";
import { createRandom } from "@/lib/core/scheduling/random";
import { loadActorForUser } from "../auth/load-actor";
import { db } from "../db";
import { SimulatedLine } from "./simulated-line";
import type { ResolvedSimulationConfig } from "./simulation-config";
import { WORLD } from "./simulation-config";

const CONSUMERS = 30;

/**
 * The people and lines of a simulation, made in the demo database: consumers who order, a user
 * per supplier who answers, the demo planners, and every line as a simulated line agent. The
 * factories promise the way the run asks (capable-to-promise or a fixed lead time) and tell
 * consumers revised dates at once (a broken promise is measured against the first date anyway).
 */
export type SimulationWorld = {
  consumers: Actor[];
  suppliers: Map<string, Actor>;
  planners: Map<string, { actor: UserActor; userId: string }>;
  lines: Map<string, SimulatedLine>;
  lineIdsByManufacturer: Map<string, string[]>;
  timeZones: Map<string, string>;
};

export async function createSimulationWorld(config: ResolvedSimulationConfig, now: () => number, end: number): Promise<SimulationWorld> {
  const start = Date.parse(config.start);
  await db.factorySettings.updateMany({
    data: {
      promiseMode: config.promise.mode === "capable-to-promise" ? "capable_to_promise" : "fixed_lead_time",
      fixedLeadTimeDays: config.promise.mode === "fixed-lead-time" ? config.promise.leadTimeDays : 21,
      revisedDatePolicy: "automatic",
      promiseConfidence: config.confidence,
    },
  });
  const template = await db.user.findFirstOrThrow({ where: { role: "consumer" }, orderBy: { email: "asc" }, select: { passwordHash: true } });
  const consumers: Actor[] = [];
  for (let i = 0; i < CONSUMERS; i++) {
    const user = await db.user.create({ data: { email: `sim-consumer-${i}@simulation.test`, name: `Simulated consumer ${i}`, role: "consumer", passwordHash: template.passwordHash } });
    consumers.push(await loadActorForUser(user.id, user.sessionVersion));
  }
  const suppliers = new Map<string, Actor>();
  for (const organization of await db.organization.findMany({ where: { kind: "supplier" }, orderBy: { slug: "asc" } })) {
    const user = await db.user.create({ data: { email: `sim-supplier-${organization.slug}@simulation.test`, name: `${organization.name} desk`, role: "supplier", organizationId: organization.id, passwordHash: template.passwordHash } });
    suppliers.set(organization.id, await loadActorForUser(user.id, user.sessionVersion));
  }
  const planners = new Map<string, { actor: UserActor; userId: string }>();
  const timeZones = new Map<string, string>();
  for (const organization of await db.organization.findMany({ where: { kind: "manufacturer" }, orderBy: { slug: "asc" }, include: { factorySettings: true } })) {
    const user = await db.user.findFirst({ where: { organizationId: organization.id, role: "planner" }, orderBy: { email: "asc" } });
    if (!user) continue;
    planners.set(organization.id, { actor: (await loadActorForUser(user.id, user.sessionVersion)) as UserActor, userId: user.id });
    timeZones.set(organization.id, organization.factorySettings?.timeZone ?? "UTC");
  }
  const lines = new Map<string, SimulatedLine>();
  const lineIdsByManufacturer = new Map<string, string[]>();
  const rows = await db.line.findMany({
    orderBy: { code: "asc" },
    select: { id: true, code: true, manufacturerId: true, timeZone: true, shifts: true, exceptions: { select: { kind: true, start: true, end: true, note: true } } },
  });
  for (const row of rows) {
    const random = createRandom(`${config.seed}/line/${row.code}`);
    const windows = productionWindows(
      { timeZone: row.timeZone, shifts: row.shifts, exceptions: row.exceptions.map((e) => ({ kind: e.kind, start: e.start.getTime(), end: e.end.getTime(), note: e.note })) },
      start,
      end,
    );
    const performance = WORLD.performance.min + (WORLD.performance.max - WORLD.performance.min) * random.next();
    lines.set(row.id, new SimulatedLine(row.id, row.code, windows, now, { performance, scrapRate: WORLD.scrapRate, breakdownEveryMinutes: WORLD.breakdownEveryMinutes, breakdownMinutes: WORLD.breakdownMinutes, random }));
    lineIdsByManufacturer.set(row.manufacturerId, [...(lineIdsByManufacturer.get(row.manufacturerId) ?? []), row.id]);
  }
  return { consumers, suppliers, planners, lines, lineIdsByManufacturer, timeZones };
}
