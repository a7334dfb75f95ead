import { afterAll, describe, expect, inject, it } from "vitest";
import { disconnectDatabase } from "@/lib/server/db";
import { stopPromiseWorker } from "@/lib/server/promise/promise-worker-client";
import { runSimulation, type SimulationResult } from "@/lib/server/simulation/run-simulation";
import { simulationReportHtml } from "@/lib/server/simulation/simulation-report";
import { createTestDatabase } from "../../support/test-database";

/**
 * The simulation is deterministic for a seed: two runs of 2 days on two fresh copies of the
 * demo database give the same report, byte for byte. Small on purpose (a few orders a day, no
 * drain): about 15 s of CPU a run; the timeout allows for a busy machine.
 */
const config = { days: 2, warmupDays: 0, drainDays: 0, ordersPerDay: 8, seed: "fixed-42", promise: { mode: "capable-to-promise" as const }, solveIterations: 60, repairIterations: 20 };
const drops: Array<() => Promise<void>> = [];
const original = process.env.DATABASE_URL;

async function onFreshDatabase(): Promise<SimulationResult> {
  await stopPromiseWorker();
  await disconnectDatabase();
  const database = await createTestDatabase(inject("databaseTemplate"), true);
  drops.push(database.drop);
  process.env.DATABASE_URL = database.url;
  return runSimulation(config);
}

afterAll(async () => {
  await stopPromiseWorker();
  await disconnectDatabase();
  process.env.DATABASE_URL = original;
  for (const drop of drops) await drop();
});

describe("simulation", () => {
  it("of 2 days with a fixed seed gives the same report twice", { timeout: 240_000 }, async () => {
    const first = await onFreshDatabase();
    const second = await onFreshDatabase();

    // Something happened: orders were placed and promised, suppliers answered, lines ran.
    expect(first.counts.orders).toBeGreaterThan(5);
    expect(first.outcomes.length).toBe(first.counts.orders);
    expect(first.counts.supplier_confirmed).toBeGreaterThan(0);
    expect(first.counts.eventsStored).toBeGreaterThan(0);
    expect(first.summary).toMatch(/^promises kept=\d+\.\d% median_lead_days=\d+(\.5)? late_orders=\d+ utilization=\d+\.\d% setup_share=\d+\.\d% oee=(\d+\.\d%|n\/a)$/);

    expect(second.summary).toBe(first.summary);
    expect(second.counts).toEqual(first.counts);
    expect(second.outcomes.map(({ orderId: _id, ...rest }) => rest)).toEqual(first.outcomes.map(({ orderId: _id, ...rest }) => rest));
    expect(simulationReportHtml({ ours: second, comparison: null })).toBe(simulationReportHtml({ ours: first, comparison: null }));
  });
});
