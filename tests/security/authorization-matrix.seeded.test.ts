import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { ROUTE_MATRIX, SERVER_ACTION_MATRIX, type CallContext, type MatrixEntry, type Outcome, } from "./route-matrix";
import { discoverRoutes, discoverServerActions, MUTATING_METHODS, type DiscoveredRoute } from "./support/discover-routes";
import { freshTargets, type FreshTargets } from "./support/fresh-targets";
import { ACTOR_KEYS, buildWorld, cookieOf, userIdOf, type ActorKey, type World } from "./support/security-world";
import { writeSecurityReport } from "./support/security-report";
import { sendRoute, type Answer } from "./support/send-route";
import { transactionCounter } from "./support/transaction-counter";

/**
 * Every API route × method × actor, called through the real handlers with minted session cookies,
 * against the answer the matrix records. Besides the answer itself:
 * - a refusal of an outsider is exactly the answer for a target that does not exist (no leak);
 * - a refusal writes nothing (no transaction id is taken);
 * - no answer to anyone outside manufacturer A carries A's private strings;
 * - an allowed admin change leaves its audit entry with actor, target, time and address.
 */
let routes: DiscoveredRoute[];
let world: World;
let fresh: FreshTargets;
let calls = 0;
const INSIDERS_OF_A: ActorKey[] = ["adminA", "plannerA"];
const ADMIN_ACTORS: ActorKey[] = ["adminA", "adminB", "supplierAdminA", "supplierAdminB"];

beforeAll(async () => {
  routes = await discoverRoutes();
  world = await buildWorld();
  fresh = freshTargets(world);
});

afterAll(() => {
  const keys = Object.keys(ROUTE_MATRIX);
  writeSecurityReport("matrix", { routes: new Set(keys.map((key) => key.split(" ")[0])).size, routeMethods: keys.length, actors: ACTOR_KEYS.length, cells: keys.length * ACTOR_KEYS.length, calls });
});

describe("the matrix covers the app", () => {
  it("every route and method on disk has an entry, and every entry is on disk", () => {
    const onDisk = routes.map((route) => route.key).sort();
    const inMatrix = Object.keys(ROUTE_MATRIX).sort();
    expect({ missingFromMatrix: onDisk.filter((key) => !inMatrix.includes(key)), staleInMatrix: inMatrix.filter((key) => !onDisk.includes(key)) }).toEqual({ missingFromMatrix: [], staleInMatrix: [] });
  });

  it("every server action has an entry, and every entry is an action", async () => {
    const actions = (await discoverServerActions()).map((action) => action.key);
    const inMatrix = Object.keys(SERVER_ACTION_MATRIX).sort();
    expect({ missingFromMatrix: actions.filter((key) => !inMatrix.includes(key)), staleInMatrix: inMatrix.filter((key) => !actions.includes(key)) }).toEqual({ missingFromMatrix: [], staleInMatrix: [] });
  });

  it("every mutation an admin may make says which audit entry it leaves (or why none)", () => {
    const undeclared = Object.entries(ROUTE_MATRIX)
      .filter(([key, entry]) => MUTATING_METHODS.has(key.split(" ")[1]!) && ADMIN_ACTORS.some((actor) => entry.expect[actor] === "allow"))
      .filter(([key, entry]) => !entry.audit && !entry.notAudited && !key.startsWith("/api/auth/"))
      .map(([key]) => key);
    expect(undeclared).toEqual([]);
  });
});

describe("every route × method × actor gets the policy's answer", () => {
  it.each(Object.keys(ROUTE_MATRIX))("%s", async (key) => {
    const route = routes.find((candidate) => candidate.key === key);
    expect(route, `${key} is not on disk`).toBeDefined();
    const entry = ROUTE_MATRIX[key]!;
    const problems: string[] = [];
    for (const actor of ACTOR_KEYS) problems.push(...(await checkCell(route!, entry, actor)));
    expect(problems).toEqual([]);
  });
});

async function checkCell(route: DiscoveredRoute, entry: MatrixEntry, actor: ActorKey): Promise<string[]> {
  const context: CallContext = { world, fresh, actor };
  const problems: string[] = [];
  const call = await entry.call(context);
  const address = addressFor(++calls);
  const started = new Date(Date.now() - 1_000);
  const counter = await transactionCounter();
  const answer = await sendRoute(route, call, cookieOf(world, actor), address);
  const writes = await counter.writesSince();
  const outcome = classify(answer, entry);
  const expected = entry.expect[actor];
  const where = `${route.key} as ${actor}`;
  if (outcome !== expected) problems.push(`${where}: expected ${expected}, got ${answer.status} ${answer.code ?? ""}`.trim());

  if (outcome !== "allow" && writes > 0) problems.push(`${where}: refused (${answer.status}) but wrote ${writes} transaction(s)`);
  if (outcome !== "allow" && entry.missing && !(entry.insiders ?? INSIDERS_OF_A).includes(actor)) {
    const missing = await sendRoute(route, await entry.missing(context), cookieOf(world, actor), address);
    if (missing.status !== answer.status || missing.text !== answer.text) {
      problems.push(`${where}: refusal differs from a missing target's (${answer.status} ${answer.text} vs ${missing.status} ${missing.text}) — existence leaks`);
    }
  }
  if (!INSIDERS_OF_A.includes(actor)) {
    const sent = JSON.stringify(call);
    const leaked = world.privateMarkersOfA.filter((marker) => answer.text.includes(marker) && !sent.includes(marker));
    if (leaked.length > 0) problems.push(`${where}: the answer carries A's private data (${leaked.join(", ")})`);
  }
  if (outcome === "allow") {
    const problem = entry.verify?.(context, answer.json);
    if (problem) problems.push(`${where}: ${problem}`);
    if (entry.audit && answer.status < 300) problems.push(...(await auditProblems(entry.audit, actor, address, started, where)));
    await entry.settle?.(context);
  }
  return problems;
}

function classify(answer: Answer, entry: MatrixEntry): Outcome | `other ${number}` {
  const allowed = entry.ok.some((ok) => (typeof ok === "number" ? answer.status === ok : ok === `${answer.status} ${answer.code}`));
  if (allowed) return "allow";
  if (answer.status === 401 || answer.status === 403 || answer.status === 404) return answer.status;
  return `other ${answer.status}`;
}

async function auditProblems(action: string, actor: ActorKey, address: string, after: Date, where: string): Promise<string[]> {
  const entry = await db.auditLog.findFirst({ where: { action, actorId: userIdOf(world, actor), address, at: { gte: after } }, orderBy: { id: "desc" } });
  if (!entry) return [`${where}: no "${action}" audit entry by this actor from ${address}`];
  if (!entry.targetType) return [`${where}: the "${action}" audit entry names no target`];
  return [];
}

/** A distinct client address per call, so each audit entry can be traced to its call. */
function addressFor(index: number): string {
  return `198.51.${Math.floor(index / 250) % 250}.${(index % 250) + 1}`;
}
