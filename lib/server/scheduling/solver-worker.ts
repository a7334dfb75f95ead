/**
 * Worker-thread entry of runSolverInWorker: runs one solve or repair and posts progress and
 * the outcome. The solver is synchronous, so a stop arrives through shared memory (polled
 * between steps), not as a message the busy thread would never read.
 */
import { parentPort, workerData } from "node:worker_threads";
import { repairPlan } from "../../core/scheduling/repair";
import { solve, type SolveProgress } from "../../core/scheduling/solve";
import type { SolverTaskResult, SolverWorkerData, SolverWorkerMessage } from "./solver-task";

const { task, progressIntervalMs, stopFlag } = workerData as SolverWorkerData;
const stop = new Int32Array(stopFlag);
const shouldStop = () => Atomics.load(stop, 0) === 1;
const post = (message: SolverWorkerMessage) => parentPort?.postMessage(message);
const onProgress = (progress: SolveProgress) => post({ type: "progress", progress });

try {
  let outcome: SolverTaskResult;
  if (task.kind === "solve") {
    outcome = { kind: "solve", result: solve(task.instance, { timeLimitMs: task.timeLimitMs, seed: task.seed, shouldStop, onProgress, progressIntervalMs }) };
  } else {
    const result = repairPlan(task.plan, task.event, { timeLimitMs: task.timeLimitMs, seed: task.seed, maxMoves: task.maxMoves, moveWeight: task.moveWeight, shouldStop });
    outcome = { kind: "repair", result };
  }
  post({ type: "done", outcome });
} catch (error) {
  const e = error instanceof Error ? error : new Error(String(error));
  post({ type: "failed", name: e.name, message: e.message });
}
