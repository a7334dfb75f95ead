import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSchedule } from "@/lib/core/scheduling/check-schedule";
import { InstanceSchema, type Instance } from "@/lib/core/scheduling/instance-schema";
import type { SolveProgress } from "@/lib/core/scheduling/solve";
import { arbitraryInstance, at } from "@/lib/core/scheduling/testing/arbitrary-instance";
import { runSolverInWorker, SolverRunError } from "@/lib/server/scheduling/run-solver-in-worker";

// big enough that the solver is still improving when stopped
const instance: Instance = InstanceSchema.parse(fc.sample(arbitraryInstance({ minJobs: 120, maxJobs: 120, maxLines: 3, roomy: true }), { seed: 21, numRuns: 1 })[0]);

describe("runSolverInWorker (a real worker thread)", () => {
  it("reports progress while the event loop stays free, and resolves with a feasible plan", async () => {
    const progress: SolveProgress[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    const started = performance.now();
    const run = runSolverInWorker({ kind: "solve", instance, timeLimitMs: 1500, seed: 1 }, { onProgress: (p) => progress.push(p), progressIntervalMs: 100 });
    const { result } = await run.result;
    clearInterval(timer);
    const elapsed = performance.now() - started;
    expect(result.iterations).toBeGreaterThan(0);
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.some((p) => p.phase === "improve" && p.iterations > 0)).toBe(true);
    expect(progress.at(-1)?.phase).toBe("done");
    // the main thread kept running its timers while the solver worked
    expect(ticks).toBeGreaterThan(elapsed / 20 / 4);
    const check = checkSchedule(instance, result.schedule);
    expect(check.violations).toEqual([]);
    expect(check.weightedTardiness).toBe(result.objective.weightedTardiness);
  });

  it("returns the best plan so far promptly after stop()", async () => {
    let stoppedAt = 0;
    const run = runSolverInWorker(
      { kind: "solve", instance, timeLimitMs: 60_000 },
      {
        progressIntervalMs: 50,
        onProgress: (p) => {
          if (p.phase === "improve" && stoppedAt === 0) {
            stoppedAt = performance.now();
            run.stop();
          }
        },
      },
    );
    const { result } = await run.result;
    expect(stoppedAt).toBeGreaterThan(0);
    expect(performance.now() - stoppedAt).toBeLessThan(1000);
    expect(result.elapsedMs).toBeLessThan(30_000);
    expect(checkSchedule(instance, result.schedule).feasible).toBe(true);
  });

  it("stops on an abort signal", async () => {
    const controller = new AbortController();
    const run = runSolverInWorker({ kind: "solve", instance, timeLimitMs: 60_000 }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 800);
    const started = performance.now();
    const { result } = await run.result;
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(checkSchedule(instance, result.schedule).feasible).toBe(true);
  });

  it("repairs a plan in the worker, and rejects an event that does not fit it", async () => {
    const solved = await runSolverInWorker({ kind: "solve", instance, timeLimitMs: 500 }).result;
    const plan = { version: 1 as const, instance, schedule: solved.result.schedule };
    const first = plan.schedule.assignments[0];
    expect(first).toBeDefined();
    const event = { version: 1 as const, at: at(0), disruptions: [{ type: "line-down" as const, lineId: first?.lineId ?? "L1", from: first?.start ?? at(0), to: at(2000) }] };
    const repaired = await runSolverInWorker({ kind: "repair", plan, event, timeLimitMs: 500 }).result;
    expect(checkSchedule(repaired.result.plan.instance, repaired.result.plan.schedule).violations).toEqual([]);
    expect(repaired.result.moved.length).toBeGreaterThan(0);
    const wrong = { ...event, disruptions: [{ type: "job-cancelled" as const, jobId: "no-such-job" }] };
    await expect(runSolverInWorker({ kind: "repair", plan, event: wrong, timeLimitMs: 100 }).result).rejects.toThrow(SolverRunError);
  });
});
