/**
 * Worker-thread entry of the promise worker (see promise-worker-messages.ts): long-lived, one
 * per process. Each manufacturer's promise plan is a `PromiseBoard`: compiled at the first
 * question after a new base, then holds come and go on it without compiling it again, so a
 * question costs the search for its slots, not the size of the plan.
 */
import { parentPort } from "node:worker_threads";
import { PromiseBoard } from "../../core/promise/promise-plan";
import { repairPlan } from "../../core/scheduling/repair";
import { solve } from "../../core/scheduling/solve";
import type { PromiseWorkerAnswer, PromiseWorkerEnvelope, PromiseWorkerReply, PromiseWorkerRequest } from "./promise-worker-messages";

const factories = new Map<string, { key: string; board: PromiseBoard }>();

function handle(request: PromiseWorkerRequest): PromiseWorkerReply {
  switch (request.type) {
    case "base":
      factories.set(request.manufacturerId, { key: request.key, board: new PromiseBoard(request.base, request.holds) });
      return { type: "ok" };
    case "holds": {
      const factory = factories.get(request.manufacturerId);
      if (!factory) return { type: "stale" };
      factory.board.updateHolds(request.add, request.remove);
      return { type: "ok" };
    }
    case "trial": {
      const factory = factories.get(request.manufacturerId);
      if (!factory || factory.key !== request.key) return { type: "stale" };
      return { type: "trial", slots: factory.board.trial(request.items, request.holdIds) };
    }
    case "solve":
      return { type: "solve", result: solve(request.instance, { ...request.options }) };
    case "repair":
      return { type: "repair", result: repairPlan(request.plan, request.event, { ...request.options }) };
  }
}

parentPort?.on("message", ({ id, request }: PromiseWorkerEnvelope) => {
  let answer: PromiseWorkerAnswer;
  try {
    answer = { id, reply: handle(request) };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    answer = { id, error: { name: e.name, message: e.message } };
  }
  parentPort?.postMessage(answer);
});
