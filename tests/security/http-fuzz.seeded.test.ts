import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROUTE_MATRIX, type RouteCall } from "./route-matrix";
import { discoverRoutes, type DiscoveredRoute } from "./support/discover-routes";
import { freshTargets } from "./support/fresh-targets";
import { hostileCsv, hostileId, hostileJsonBody, hostileQuery, TEXT_TRAPS, trappedBodies, type JsonLike } from "./support/hostile-input";
import { buildWorld, cookieOf, type ActorKey, type World } from "./support/security-world";
import { writeSecurityReport } from "./support/security-report";
import { sendRoute, type Answer } from "./support/send-route";
import { transactionCounter } from "./support/transaction-counter";

/**
 * Property-based fuzzing of every route that takes input (body, CSV, query or path params), as
 * an actor the policy allows, so that the input — not the authorization — is what is tested.
 * For every case: never a 5xx; a refusal is a 4xx in the one error shape, and a 400/422 names
 * the fields it refuses; a refusal commits no write; nothing reaches Object.prototype.
 * FUZZ_RUNS cases per route (default 40); the totals are reported.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
/**
 * 400/422 answers that need not name a field: the body refused as a whole (not JSON, too big,
 * empty), or a valid request refused for the state of things (nothing to plan, a move that
 * breaks a rule). Any other 400/422 must name every field it refuses.
 */
const NO_FIELD_CODES = new Set(["INVALID_JSON", "PAYLOAD_TOO_LARGE", "EMPTY_FILE", "NOTHING_TO_PLAN", "NOTHING_TO_PUBLISH", "NO_LINE_AVAILABLE", "MOVE_REFUSED", "NOT_PLANNED"]);
/** Who fuzzes a route, when the first allowed actor would leave work running (a solver run). */
const FUZZ_ACTOR: Record<string, ActorKey> = { "/api/board/scheduler-runs POST": "adminB" };
const PREFERRED: ActorKey[] = ["adminA", "plannerA", "consumer", "supplierA", "adminB", "anonymous"];

let routes: DiscoveredRoute[];
let world: World;
const totals = { routes: 0, cases: 0, traps: 0, rejected: 0, accepted: 0 };
const answers: Record<string, number> = {};
const perRoute: Record<string, { cases: number; rejected: number; accepted: number }> = {};

beforeAll(async () => {
  routes = await discoverRoutes();
  world = await buildWorld();
});
afterAll(() => writeSecurityReport("http-fuzz", { ...totals, runsPerRoute: RUNS, seed: SEED ?? "random", answers, perRoute }));

const fuzzed = Object.keys(ROUTE_MATRIX).filter((key) => !key.startsWith("/api/auth/"));

describe("hostile input to every validated route", () => {
  it.each(fuzzed)("%s", async (key) => {
    const route = routes.find((candidate) => candidate.key === key)!;
    const entry = ROUTE_MATRIX[key]!;
    const actor = FUZZ_ACTOR[key] ?? PREFERRED.find((candidate) => entry.expect[candidate] === "allow")!;
    const valid = await entry.call({ world, fresh: freshTargets(world), actor });
    const stats = (perRoute[key] = { cases: 0, rejected: 0, accepted: 0 });
    totals.routes++;
    await fc.assert(
      fc.asyncProperty(hostileCall(valid, route), async (call) => {
        stats.cases++;
        totals.cases++;
        const counter = await transactionCounter();
        const answer = await sendRoute(route, call, cookieOf(world, actor), "203.0.113.7");
        const problem = judge(answer, await counter.writesSince());
        const label = `${answer.status}${answer.code ? ` ${answer.code}` : ""}`;
        answers[label] = (answers[label] ?? 0) + 1;
        tally(stats, answer.status);
        if (problem) throw new Error(`${problem} — ${summarize(call)}: ${answer.status} ${answer.text.slice(0, 300)}`);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );

    // Then every string of the valid input with each text trap appended, deterministically.
    const problems: string[] = [];
    for (const call of trappedCalls(valid)) {
      stats.cases++;
      totals.cases++;
      totals.traps++;
      const counter = await transactionCounter();
      const answer = await sendRoute(route, call, cookieOf(world, actor), "203.0.113.8");
      const problem = judge(answer, await counter.writesSince());
      tally(stats, answer.status);
      if (problem) problems.push(`${problem} — ${summarize(call)}: ${answer.status} ${answer.text.slice(0, 200)}`);
    }
    expect(problems).toEqual([]);
  });
});

type FuzzCall = RouteCall & { rawJson?: string; rawQuery?: Array<[string, string]>; how: string };

function hostileCall(valid: RouteCall, route: DiscoveredRoute): fc.Arbitrary<FuzzCall> {
  const variants: Array<fc.Arbitrary<FuzzCall>> = [];
  if (valid.text !== undefined) variants.push(hostileCsv(valid.text.split("\n")[0]!).map((text) => ({ ...valid, text, how: "csv" })));
  else if (valid.body !== undefined) variants.push(hostileJsonBody(valid.body as JsonLike).map(({ text, how }) => ({ ...valid, body: undefined, rawJson: text, how })));
  const params = Object.entries(valid.params ?? {}).filter(([, value]) => typeof value === "string");
  if (params.length > 0) {
    variants.push(fc.tuple(fc.constantFrom(...params.map(([name]) => name)), hostileId).map(([name, id]) => ({ ...valid, params: { ...valid.params, [name]: id }, how: `param ${name}` })));
  }
  if (route.method === "GET") variants.push(hostileQuery(Object.keys(valid.query ?? {})).map((rawQuery) => ({ ...valid, rawQuery, how: "query" })));
  if (variants.length === 0) variants.push(fc.constant({ ...valid, how: "as is" }));
  return fc.oneof(...variants);
}

function tally(stats: { accepted: number; rejected: number }, status: number) {
  const outcome = status < 400 ? "accepted" : "rejected";
  stats[outcome]++;
  totals[outcome]++;
}

function trappedCalls(valid: RouteCall): FuzzCall[] {
  const calls: FuzzCall[] = [];
  if (valid.body !== undefined) calls.push(...trappedBodies(valid.body as JsonLike).map(({ text, how }) => ({ ...valid, body: undefined, rawJson: text, how })));
  for (const [key, value] of Object.entries(valid.query ?? {})) {
    for (const trap of TEXT_TRAPS) calls.push({ ...valid, query: { ...valid.query, [key]: `${value}${trap}` }, how: `trap ${JSON.stringify(trap)} in query ${key}` });
  }
  if (valid.text !== undefined) {
    const [header, ...rows] = valid.text.split("\n");
    for (const trap of TEXT_TRAPS) calls.push({ ...valid, text: [header, ...rows.map((row) => row.split(",").map((cell) => (cell ? `${cell}${trap}` : cell)).join(","))].join("\n"), how: `trap ${JSON.stringify(trap)} in every CSV cell` });
  }
  return calls;
}

/** What is wrong with an answer to hostile input, or null. */
function judge(answer: Answer, writes: number): string | null {
  if (answer.status >= 500) return `a ${answer.status}`;
  if (Object.keys(Object.prototype).length > 0 || ({} as Record<string, unknown>).polluted !== undefined) return "Object.prototype was polluted";
  if (answer.status < 400) return null;
  if (writes > 0) return `refused with ${answer.status} after committing ${writes} write(s)`;
  const error = (answer.json as { error?: { code?: unknown; message?: unknown; details?: { fields?: unknown; rows?: unknown } } } | null)?.error;
  if (!error || typeof error.code !== "string" || typeof error.message !== "string") return "a refusal outside the error shape";
  if ((answer.status === 400 || answer.status === 422) && !NO_FIELD_CODES.has(error.code)) {
    const named = [...asArray(error.details?.fields), ...asArray(error.details?.rows)];
    if (named.length === 0 || !named.every((field) => typeof (field as { path?: unknown; field?: unknown }).path === "string" || typeof (field as { field?: unknown }).field === "string")) {
      return `a ${answer.status} ${error.code} that names no field`;
    }
  }
  return null;
}

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function summarize(call: FuzzCall): string {
  const sample = call.rawJson ?? call.text ?? JSON.stringify(call.rawQuery ?? call.params ?? {});
  return `${call.how}: ${sample.length > 200 ? `${sample.slice(0, 200)}… (${sample.length} chars)` : sample}`;
}
