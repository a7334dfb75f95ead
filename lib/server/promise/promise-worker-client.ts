import path from "node:path";
import { Worker } from "node:worker_threads";
import { logger } from "../logger";
import { workerBootstrap } from "../scheduling/run-solver-in-worker";
import type { PromiseWorkerAnswer, PromiseWorkerReply, PromiseWorkerRequest } from "./promise-worker-messages";

/** The worker failed to answer: it threw, or the thread died (the next call starts a new one). */
export class PromiseWorkerError extends Error {
  constructor(message: string, readonly causeName: string) {
    super(message);
    this.name = "PromiseWorkerError";
  }
}

type Pending = { resolve: (reply: PromiseWorkerReply) => void; reject: (error: Error) => void };

type WorkerState = { worker: Worker; pending: Map<number, Pending>; nextId: number; generation: number };

/** One worker per process (Next's bundles and the custom server share it). */
const globalForWorker = globalThis as unknown as { __promiseWorker?: WorkerState | null; __promiseWorkerGeneration?: number };

function start(): WorkerState {
  const entry = path.join(process.cwd(), "lib/server/promise/promise-worker.ts");
  const worker = new Worker(workerBootstrap(entry), { eval: true });
  const generation = (globalForWorker.__promiseWorkerGeneration ?? 0) + 1;
  globalForWorker.__promiseWorkerGeneration = generation;
  const state: WorkerState = { worker, pending: new Map(), nextId: 1, generation };
  // Idle, the worker must not keep a script or a test process alive.
  worker.unref();
  const failAll = (error: Error) => {
    for (const pending of state.pending.values()) pending.reject(error);
    state.pending.clear();
    if (globalForWorker.__promiseWorker === state) globalForWorker.__promiseWorker = null;
  };
  worker.on("message", (answer: PromiseWorkerAnswer) => {
    const pending = state.pending.get(answer.id);
    if (!pending) return;
    state.pending.delete(answer.id);
    if (state.pending.size === 0) worker.unref();
    if (answer.error) pending.reject(new PromiseWorkerError(answer.error.message, answer.error.name));
    else pending.resolve(answer.reply!);
  });
  worker.on("error", (error) => {
    logger.error({ err: error }, "promise worker failed");
    failAll(new PromiseWorkerError(error.message, error.name));
  });
  worker.on("exit", (code) => failAll(new PromiseWorkerError(`promise worker exited (code ${code})`, "WorkerExit")));
  return state;
}

function current(): WorkerState {
  return (globalForWorker.__promiseWorker ??= start());
}

/** Which worker answers: a new generation has lost every base and hold the old one had. */
export function promiseWorkerGeneration(): number {
  return current().generation;
}

/** Sends one request; requests are answered in the order they were sent. */
export function callPromiseWorker(request: PromiseWorkerRequest): Promise<PromiseWorkerReply> {
  const state = current();
  const id = state.nextId++;
  return new Promise((resolve, reject) => {
    state.pending.set(id, { resolve, reject });
    state.worker.ref();
    state.worker.postMessage({ id, request });
  });
}

/** Ends the worker (graceful shutdown, the end of a simulation). */
export async function stopPromiseWorker(): Promise<void> {
  const state = globalForWorker.__promiseWorker;
  globalForWorker.__promiseWorker = null;
  if (state) await state.worker.terminate();
}
