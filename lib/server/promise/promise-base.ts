import { MOVABLE_STATUSES } from "@/lib/core/planning/planning-model";
import { isoMinute, toSchedulingInstance } from "@/lib/core/planning/scheduling-instance";
import type { Hold, HeldUnit, PromiseBase } from "@/lib/core/promise/promise-plan";
import type { TrialRequest, TrialSlot } from "@/lib/core/promise/trial-insertion";
import { db } from "../db";
import { sql } from "../db/sql";
import { loadPlanningState } from "../planning/load-planning-state";
import { callPromiseWorker, promiseWorkerGeneration } from "./promise-worker-client";

/**
 * The per-process state promises are made from, per manufacturer: the promise base (the latest
 * published plan over the factory as it is now) sent once to the promise worker, and the holds
 * (live quotes, and orders promised since that plan) kept in memory and mirrored to the worker
 * as they come and go. Rebuilt when a newer plan is published, when the base is half an hour
 * old (time moves the horizon), when a calendar changed, or when the worker restarted.
 *
 * A trial insertion and the hold it leads to are one step in the worker (it answers one
 * question at a time and holds what it found before the next), so two consumers are never
 * given the same slot by this process; no lock is held here while the worker thinks. Across
 * processes holds meet at the next rebuild (a known limit, ADR 0011).
 */
const HORIZON_MS = 56 * 86_400_000;
const BASE_TTL_MS = 30 * 60_000;

type StoredHold = Hold & { expiresAt: number | null };

type FactoryState = {
  key: string;
  publishedPlanId: string | null;
  /** version of that plan (0: none): a base is never rebuilt on an older plan than it has */
  publishedPlanVersion: number;
  builtAt: number;
  generation: number;
  available: boolean;
  lineCodes: Map<string, string>;
  holds: Map<string, StoredHold>;
  /** the holds that expire (quotes), by id: few, while orders' holds are many and never expire */
  expiring: Map<string, number>;
  stale: boolean;
};

function keepInState(state: FactoryState, hold: StoredHold): void {
  state.holds.set(hold.id, hold);
  if (hold.expiresAt === null) state.expiring.delete(hold.id);
  else state.expiring.set(hold.id, hold.expiresAt);
}

function dropFromState(state: FactoryState, id: string): void {
  state.holds.delete(id);
  state.expiring.delete(id);
}

const globalForState = globalThis as unknown as { __promiseBases?: Map<string, FactoryState>; __promiseRebuilds?: Map<string, Promise<FactoryState>> };
const states = (globalForState.__promiseBases ??= new Map());
/** A rebuild in flight per manufacturer: questions meanwhile wait for it rather than start another. */
const rebuilds = (globalForState.__promiseRebuilds ??= new Map());

/** The next question rebuilds the base (a line went down, a calendar was edited). */
export function markPromiseBaseStale(manufacturerId?: string): void {
  for (const [id, state] of states) if (!manufacturerId || id === manufacturerId) state.stale = true;
}

export function forgetPromiseBases(): void {
  states.clear();
}

export type BaseHandle = { key: string; available: boolean; lineCodes: Map<string, string> };

export type PublishedPlanRef = { id: string; version: number } | null;

/** SQL for manufacturer `$manufacturer`'s latest published plan as JSON ({id, version}, or null): what a base is built on. */
export function publishedPlanJson(manufacturer: string): string {
  return `(SELECT json_build_object('id', "id", 'version', "version") FROM "Plan"
           WHERE "manufacturerId" = ${manufacturer} AND "status" = 'published' AND "version" IS NOT NULL
           ORDER BY "version" DESC LIMIT 1)`;
}

export async function loadPublishedPlanRef(manufacturerId: string): Promise<PublishedPlanRef> {
  const [row] = await sql().query<{ plan: PublishedPlanRef }>(`SELECT ${publishedPlanJson("$1")} AS "plan"`, [manufacturerId]);
  return row!.plan ?? null;
}

export async function ensurePromiseBase(manufacturerId: string, now: number, published?: PublishedPlanRef): Promise<BaseHandle> {
  let plan = published === undefined ? await loadPublishedPlanRef(manufacturerId) : published;
  const state = states.get(manufacturerId);
  // read before another question rebuilt on a newer plan: the newer one stands
  if (state && plan && state.publishedPlanVersion > plan.version) plan = { id: state.publishedPlanId!, version: state.publishedPlanVersion };
  const generation = promiseWorkerGeneration();
  if (state && !state.stale && state.publishedPlanId === (plan?.id ?? null) && state.generation === generation && now - state.builtAt < BASE_TTL_MS && now >= state.builtAt) {
    await dropExpiredHolds(manufacturerId, state, now);
    return state;
  }
  const inFlight = rebuilds.get(manufacturerId);
  if (inFlight) return inFlight;
  const rebuilt = rebuild(manufacturerId, plan, now).finally(() => rebuilds.delete(manufacturerId));
  rebuilds.set(manufacturerId, rebuilt);
  return rebuilt;
}

async function rebuild(manufacturerId: string, plan: PublishedPlanRef, now: number): Promise<FactoryState> {
  const publishedPlanId = plan?.id ?? null;
  const [planning, assignments, holds] = await Promise.all([
    loadPlanningState(manufacturerId, { from: now, to: now + HORIZON_MS }),
    publishedPlanId
      ? db.planAssignment.findMany({ where: { planId: publishedPlanId }, select: { jobId: true, lineId: true, start: true } })
      : Promise.resolve([] as Array<{ jobId: string; lineId: string; start: Date }>),
    loadHolds(manufacturerId, publishedPlanId, now),
  ]);
  const build = toSchedulingInstance({ lines: planning.lines, jobs: planning.jobs, setups: planning.setups, now, horizonMs: HORIZON_MS });
  const planned = new Set(planning.jobs.filter((job) => MOVABLE_STATUSES.has(job.status)).map((job) => job.id));
  const published = assignments.filter((assignment) => planned.has(assignment.jobId));
  const inPlan = new Set(published.map((assignment) => assignment.jobId));
  const generation = promiseWorkerGeneration();
  const state: FactoryState = {
    key: `${publishedPlanId ?? "none"}|${now}|${generation}`,
    publishedPlanId,
    publishedPlanVersion: plan?.version ?? 0,
    builtAt: now,
    generation,
    available: build.instance !== null,
    lineCodes: new Map(planning.lines.map((line) => [line.id, line.code])),
    holds: new Map(),
    expiring: new Map(),
    stale: false,
  };
  for (const hold of holds) keepInState(state, hold);
  if (build.instance) {
    const base: PromiseBase = {
      instance: { ...build.instance, jobs: build.instance.jobs.filter((job) => inPlan.has(job.id)) },
      assignments: published.map((assignment) => ({ jobId: assignment.jobId, lineId: assignment.lineId, start: isoMinute(assignment.start.getTime()) })),
    };
    await callPromiseWorker({ type: "base", manufacturerId, key: state.key, base, holds: [...state.holds.values()].map(({ id, units }) => ({ id, units })) });
  }
  states.set(manufacturerId, state);
  return state;
}

/**
 * Holds that still hold capacity: live quotes, and orders promised since the published plan
 * was made whose jobs it does not place yet (until their time has passed).
 */
async function loadHolds(manufacturerId: string, publishedPlanId: string | null, now: number): Promise<StoredHold[]> {
  const rows = await db.quoteReservation.findMany({
    where: {
      manufacturerId,
      OR: [
        { status: "held", expiresAt: { gt: new Date(now) } },
        {
          status: "consumed",
          productionDue: { gt: new Date(now) },
          order: {
            is: {
              status: { notIn: ["cancelled", "completed", "shipped"] },
              ...(publishedPlanId ? { items: { none: { jobs: { some: { assignments: { some: { planId: publishedPlanId } } } } } } } : {}),
            },
          },
        },
      ],
    },
    select: { id: true, slots: true, status: true, expiresAt: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((row) => ({ id: row.id, units: row.slots as unknown as HeldUnit[], expiresAt: row.status === "held" ? row.expiresAt.getTime() : null }));
}

async function dropExpiredHolds(manufacturerId: string, state: FactoryState, now: number): Promise<void> {
  if (state.expiring.size === 0) return;
  const expired = [...state.expiring].filter(([, expiresAt]) => expiresAt <= now).map(([id]) => id);
  if (expired.length === 0) return;
  for (const id of expired) dropFromState(state, id);
  await callPromiseWorker({ type: "holds", manufacturerId, add: [], remove: expired });
}

/**
 * Slots for each order line, against the base and the holds (null: no room in the horizon).
 * With `holdIds` (one per line) the worker holds the slots at once when every line found room;
 * `addHolds` then gives them their due dates and expiry.
 */
export async function trialInsertions(manufacturerId: string, handle: BaseHandle, items: TrialRequest[], now: number, holdIds?: string[]): Promise<Array<TrialSlot[] | null>> {
  let reply = await callPromiseWorker({ type: "trial", manufacturerId, key: handle.key, items, holdIds });
  if (reply.type === "stale") {
    markPromiseBaseStale(manufacturerId);
    const fresh = await ensurePromiseBase(manufacturerId, now);
    reply = await callPromiseWorker({ type: "trial", manufacturerId, key: fresh.key, items, holdIds });
  }
  if (reply.type !== "trial") throw new Error(`the promise worker answered ${reply.type} to a trial insertion`);
  return reply.slots;
}

/**
 * Capacity now held for a quote or an order (expiresAt null: until the order is planned). A
 * hold the worker already keeps (from its trial) is replaced: it gets its due date.
 */
export async function addHolds(manufacturerId: string, holds: Array<{ id: string; units: HeldUnit[]; expiresAt: number | null }>): Promise<void> {
  const state = states.get(manufacturerId);
  if (!state || holds.length === 0) return;
  for (const hold of holds) keepInState(state, hold);
  await callPromiseWorker({ type: "holds", manufacturerId, add: holds.map(({ id, units }) => ({ id, units })), remove: [] });
}

/** Capacity no longer held (the worker may hold it from a trial this process never recorded). */
export async function removeHolds(manufacturerId: string, ids: string[]): Promise<void> {
  const state = states.get(manufacturerId);
  if (!state || ids.length === 0) return;
  for (const id of ids) dropFromState(state, id);
  await callPromiseWorker({ type: "holds", manufacturerId, add: [], remove: ids });
}

/** Quotes holding capacity now (not orders). */
export function liveQuoteCount(manufacturerId: string): number {
  return states.get(manufacturerId)?.expiring.size ?? 0;
}

/** A quote's hold became an order's: it no longer expires. */
export function keepHold(manufacturerId: string, id: string): void {
  const state = states.get(manufacturerId);
  const hold = state?.holds.get(id);
  if (state && hold) keepInState(state, { ...hold, expiresAt: null });
}
