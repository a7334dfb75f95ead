import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createReadyJobs } from "../support/planning-fixtures";
import { sessionCookieFor } from "../support/session-cookie";
import { api, closeSockets, connected, liveSocket, record, startTestCluster, waitFor, type TestCluster } from "./support/cluster";

/**
 * Scheduler runs and plan publishing are one at a time per manufacturer, whichever process a
 * planner's request reaches (a lease row in PostgreSQL, lib/server/planning/planning-lease.ts).
 */
let cluster: TestCluster;

beforeAll(async () => {
  cluster = await startTestCluster({ processes: 2 });
});
afterEach(() => closeSockets());
afterAll(async () => {
  await cluster?.close();
});

async function cookieOf(email: string) {
  return sessionCookieFor(await db.user.findUniqueOrThrow({ where: { email } }));
}

describe("planning across processes", () => {
  it("one scheduler run or publish per manufacturer at a time on any process; a stop from the other process ends the run", async () => {
    const [a, b] = cluster.apps;
    const planner = await db.user.findUniqueOrThrow({ where: { email: "planner@tailorline.test" } });
    const cookie = await sessionCookieFor(planner);
    await createReadyJobs(40);
    const board = liveSocket(b!.url, cookie);
    const seen = record(board);
    await connected(board);
    expect(await board.emitWithAck("join", { room: `manufacturer:${planner.organizationId}` })).toMatchObject({ ok: true });

    // Two planners' clicks at the same moment, one on each process.
    const runs = await Promise.all(cluster.apps.map((app) => api(app.url, "POST", "/api/board/scheduler-runs", cookie, { timeLimitSeconds: 60 })));
    expect(runs.map((run) => run.status).sort()).toEqual([202, 409]);
    const winner = runs.findIndex((run) => run.status === 202);
    const loser = runs[1 - winner]!;
    expect(loser.body).toMatchObject({ error: { code: "PLANNING_BUSY" } });
    const runId = (runs[winner]!.body as { runId: string }).runId;

    // While it runs, no publish and no second run, on either process; another factory is not held up.
    for (const app of cluster.apps) {
      expect(await api(app.url, "POST", "/api/board/publish", cookie)).toMatchObject({ status: 409, body: { error: { code: "PLANNING_BUSY" } } });
      expect((await api(app.url, "POST", "/api/board/scheduler-runs", cookie, { timeLimitSeconds: 5 })).status).toBe(409);
    }
    const otherFactory = await api(b!.url, "POST", "/api/board/scheduler-runs", await cookieOf("planner@sartoria.tailorline.test"), { timeLimitSeconds: 1 });
    expect(otherFactory.status).not.toBe(409);

    // The board on B follows the run wherever it runs, and B's stop reaches a run on A.
    await waitFor(() => seen.some((entry) => entry.event === "scheduler.progress" && entry.payload.runId === runId), 15_000, "progress on B");
    const stoppedAt = Date.now();
    const stop = await api(cluster.apps[1 - winner]!.url, "DELETE", "/api/board/scheduler-runs/current", cookie);
    expect(stop).toMatchObject({ status: 200, body: { stopping: true } });
    const finished = await waitFor(() => seen.find((entry) => entry.event === "scheduler.finished" && entry.payload.runId === runId), 20_000, "the run finished after the stop");
    expect(Date.now() - stoppedAt).toBeLessThan(20_000);
    expect(finished.payload.planId).toEqual(expect.any(String));

    // Its proposal becomes the working plan; free again, publishes raced on both processes never overlap — each one saw the other's lease or came after it.
    await waitFor(async () => !(await db.factorySettings.findUnique({ where: { manufacturerId: planner.organizationId! } }))?.planningLeaseHolder, 10_000, "the lease released");
    expect(await api(a!.url, "POST", `/api/board/proposals/${String(finished.payload.planId)}`, cookie, { decision: "accept" })).toMatchObject({ status: 200 });
    const before = (await db.plan.aggregate({ where: { manufacturerId: planner.organizationId! }, _max: { version: true } }))._max.version ?? 0;
    const publishes = await Promise.all([a!, b!].map((app) => api(app.url, "POST", "/api/board/publish", cookie)));
    for (const publish of publishes) expect([200, 409]).toContain(publish.status);
    const published = publishes.filter((publish) => publish.status === 200).map((publish) => publish.body.version as number);
    expect(published.length).toBeGreaterThan(0);
    expect([...published].sort()).toEqual(Array.from({ length: published.length }, (_, index) => before + index + 1));
    expect(await db.plan.count({ where: { manufacturerId: planner.organizationId!, status: "published" } })).toBe(1);
  });
});
