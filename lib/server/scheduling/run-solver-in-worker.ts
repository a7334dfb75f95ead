import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { SolveProgress } from "../../core/scheduling/solve";
import type { SolverTask, SolverTaskResult, SolverWorkerData, SolverWorkerMessage } from "./solver-task";

export interface RunSolverOptions {
  /** best objective so far, steps and elapsed time, at most every `progressIntervalMs` */
  onProgress?: (progress: SolveProgress) => void;
  progressIntervalMs?: number;
  /** aborting finishes the run early with its best plan (the promise still resolves) */
  signal?: AbortSignal;
  /** the worker entry; by default lib/server/scheduling/solver-worker.ts under the working directory */
  workerPath?: string;
}

export interface SolverRun<T extends SolverTaskResult = SolverTaskResult> {
  /** the final outcome: the best plan found, also after stop() */
  result: Promise<T>;
  /** asks the worker to finish now with its best plan */
  stop(): void;
}

/** A worker failed: the solver threw (e.g. a repair event that does not fit its plan) or the thread died. */
export class SolverRunError extends Error {
  constructor(message: string, readonly causeName: string) {
    super(message);
    this.name = "SolverRunError";
  }
}

// Next bundles route handlers, so import.meta.url need not point at the sources: the app runs
// from the project root, where the worker's .ts entry lives.
const defaultWorkerPath = () => path.join(process.cwd(), "lib/server/scheduling/solver-worker.ts");

/**
 * A worker does not inherit the parent's tsx hooks, and `execArgv: ["--import", "tsx"]` does not
 * register them either (Node 20): a small inline bootstrap registers tsx's ESM API in the
 * worker, then imports the TypeScript entry.
 */
export function workerBootstrap(entry: string): string {
  // tsx's ESM API (its CommonJS build registers nothing inside a worker), by its export map
  const require = createRequire(path.join(process.cwd(), "package.json"));
  const manifestPath = require.resolve("tsx/package.json");
  const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as { exports: Record<string, { import: { default: string } }> };
  const tsxApi = path.join(path.dirname(manifestPath), manifest.exports["./esm/api"]?.import.default ?? "dist/esm/api/index.mjs");
  const tsxUrl = JSON.stringify(pathToFileURL(tsxApi).href);
  const entryUrl = JSON.stringify(pathToFileURL(entry).href);
  return `import(${tsxUrl}).then((tsx) => { tsx.register(); return import(${entryUrl}); });`;
}

export function runSolverInWorker<K extends SolverTask["kind"]>(
  task: Extract<SolverTask, { kind: K }>,
  options: RunSolverOptions = {},
): SolverRun<Extract<SolverTaskResult, { kind: K }>> {
  const stopFlag = new SharedArrayBuffer(4);
  const stopView = new Int32Array(stopFlag);
  const stop = () => {
    Atomics.store(stopView, 0, 1);
  };
  const data: SolverWorkerData = { task, progressIntervalMs: options.progressIntervalMs ?? 250, stopFlag };
  const worker = new Worker(workerBootstrap(options.workerPath ?? defaultWorkerPath()), { eval: true, workerData: data });

  if (options.signal?.aborted) stop();
  options.signal?.addEventListener("abort", stop, { once: true });

  const result = new Promise<Extract<SolverTaskResult, { kind: K }>>((resolve, reject) => {
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener("abort", stop);
      action();
    };
    worker.on("message", (message: SolverWorkerMessage) => {
      if (message.type === "progress") options.onProgress?.(message.progress);
      else if (message.type === "done") settle(() => resolve(message.outcome as Extract<SolverTaskResult, { kind: K }>));
      else settle(() => reject(new SolverRunError(message.message, message.name)));
    });
    worker.on("error", (error) => settle(() => reject(new SolverRunError(error.message, error.name))));
    worker.on("exit", (code) => settle(() => reject(new SolverRunError(`solver worker exited (code ${code}) without a result`, "WorkerExit"))));
  });
  return { result, stop };
}
