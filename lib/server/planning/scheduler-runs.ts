import { randomUUID } from "node:crypto";
import type { Instance } from "@/lib/core/scheduling/instance-schema";
import type { Objective } from "@/lib/core/scheduling/objective";
import type { Plan } from "@/lib/core/scheduling/plan-schema";
import type { RepairEvent } from "@/lib/core/scheduling/repair-event-schema";
import type { Schedule } from "@/lib/core/scheduling/schedule-schema";
import { logger } from "../logger";
import { nudgeOutbox } from "../realtime/outbox";
import { socketServer } from "../realtime/live-hub";
import { runSolverInWorker } from "../scheduling/run-solver-in-worker";
import { acquirePlanningLease, leaseHolder, releasePlanningLease, renewPlanningLease } from "./planning-lease";
import { saveProposal } from "./save-proposal";

const HEARTBEAT_MS = 5_000;
const PROGRESS_MS = 250;

type RunRequest = {
  manufacturerId: string;
  startedBy: { userId: string; name: string };
  timeLimitMs: number;
  baseVersions: Record<string, number>;
  notes: string[];
} & ({ kind: "solve"; instance: Instance } | { kind: "repair"; plan: Plan; event: RepairEvent; maxMoves: number });

/** Runs started by this process, so a Stop from this process reaches them at once. */
const globalForRuns = globalThis as unknown as { __schedulerRuns?: Map<string, { manufacturerId: string; stop: () => void }> };
const runs = (globalForRuns.__schedulerRuns ??= new Map());

function emitToBoard(manufacturerId: string, event: string, payload: Record<string, unknown>) {
  // Progress is transient: straight to the room, no outbox row for every tick.
  socketServer()?.of("/live").to(`manufacturer:${manufacturerId}`).emit(event, payload);
}

/**
 * Starts a scheduler run in a worker thread and returns at once. The planning lease makes it
 * the only run (or publish) of the manufacturer on any process; progress streams to the board;
 * the result becomes a proposal. A stop — from any process, through the lease row — ends the
 * run early with its best plan.
 */
export async function startSchedulerRun(request: RunRequest): Promise<{ runId: string }> {
  const runId = randomUUID();
  const holder = leaseHolder("run", runId, request.startedBy.name);
  await acquirePlanningLease(request.manufacturerId, holder);
  const run =
    request.kind === "solve"
      ? runSolverInWorker({ kind: "solve", instance: request.instance, timeLimitMs: request.timeLimitMs, seed: runId }, { onProgress, progressIntervalMs: PROGRESS_MS })
      : runSolverInWorker(
          { kind: "repair", plan: request.plan, event: request.event, timeLimitMs: request.timeLimitMs, seed: runId, maxMoves: request.maxMoves },
          { onProgress, progressIntervalMs: PROGRESS_MS },
        );
  runs.set(runId, { manufacturerId: request.manufacturerId, stop: run.stop });
  emitToBoard(request.manufacturerId, "scheduler.started", { runId, kind: request.kind, by: request.startedBy.name, timeLimitMs: request.timeLimitMs });

  function onProgress(progress: { objective: Objective; iterations: number; elapsedMs: number; phase: string }) {
    emitToBoard(request.manufacturerId, "scheduler.progress", { runId, ...progress, timeLimitMs: request.timeLimitMs });
  }

  const heartbeat = setInterval(() => {
    renewPlanningLease(request.manufacturerId, holder)
      .then(({ held, stopRequested }) => {
        if (stopRequested || !held) run.stop();
      })
      .catch((error) => logger.warn({ err: error, runId }, "could not renew the planning lease"));
  }, HEARTBEAT_MS);

  void run.result
    .then(async (outcome) => {
      const schedule: Schedule = outcome.kind === "solve" ? outcome.result.schedule : outcome.result.plan.schedule;
      const planId = await saveProposal({
        manufacturerId: request.manufacturerId,
        createdById: request.startedBy.userId,
        source: request.kind === "solve" ? "scheduler" : "repair",
        schedule,
        objective: outcome.result.objective,
        baseVersions: request.baseVersions,
        notes: [...request.notes, ...(outcome.kind === "repair" ? outcome.result.notes : [])],
        elapsedMs: outcome.result.elapsedMs,
        iterations: outcome.result.iterations,
        moved: outcome.kind === "repair" ? outcome.result.moved.map((move) => move.jobId) : undefined,
      });
      nudgeOutbox();
      emitToBoard(request.manufacturerId, "scheduler.finished", { runId, planId });
    })
    .catch((error: unknown) => {
      logger.error({ err: error, runId }, "scheduler run failed");
      emitToBoard(request.manufacturerId, "scheduler.failed", { runId, message: error instanceof Error ? error.message : "The scheduler failed." });
    })
    .finally(() => {
      clearInterval(heartbeat);
      runs.delete(runId);
      void releasePlanningLease(request.manufacturerId, holder);
    });
  return { runId };
}

/** Stops the manufacturer's run: at once when it runs here, else through the lease row. */
export function stopLocalRun(manufacturerId: string): boolean {
  let stopped = false;
  for (const run of runs.values()) {
    if (run.manufacturerId === manufacturerId) {
      run.stop();
      stopped = true;
    }
  }
  return stopped;
}
