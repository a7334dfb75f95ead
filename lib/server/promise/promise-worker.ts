/**
 * Worker-thread entry of the promise worker (see promise-worker-messages.ts): long-lived, one
 * per process. The slot finder is rebuilt only when the base or the holds changed since the
 * last question; a question between changes costs milliseconds.
 */
import { parentPort } from "node:worker_threads";
import { buildPromisePlan, type Hold, type PromiseBase } from "../../core/promise/promise-plan";
import { trialInsertion, type TrialSlot } from "../../core/promise/trial-insertion";
import { createSlotFinder, type SlotFinder } from "../../core/scheduling/find-slot";
import type { Plan } from "../../core/scheduling/plan-schema";
import { repairPlan } from "../../core/scheduling/repair";
import { solve } from "../../core/scheduling/solve";
import type { PromiseWorkerAnswer, PromiseWorkerEnvelope, PromiseWorkerReply, PromiseWorkerRequest } from "./promise-worker-messages";

type Factory = { key: string; base: PromiseBase; holds: Map<string, Hold>; compiled: { plan: Plan; finder: SlotFinder } | null };

const factories = new Map<string, Factory>();

function compiled(factory: Factory): { plan: Plan; finder: SlotFinder } {
  if (!factory.compiled) {
    const plan = buildPromisePlan(factory.base, [...factory.holds.values()]);
    factory.compiled = { plan, finder: createSlotFinder(plan) };
  }
  return factory.compiled;
}

function handle(request: PromiseWorkerRequest): PromiseWorkerReply {
  switch (request.type) {
    case "base":
      factories.set(request.manufacturerId, { key: request.key, base: request.base, holds: new Map(request.holds.map((hold) => [hold.id, hold])), compiled: null });
      return { type: "ok" };
    case "holds": {
      const factory = factories.get(request.manufacturerId);
      if (!factory) return { type: "stale" };
      for (const id of request.remove) if (factory.holds.delete(id)) factory.compiled = null;
      for (const hold of request.add) {
        factory.holds.set(hold.id, hold);
        factory.compiled = null;
      }
      return { type: "ok" };
    }
    case "trial": {
      const factory = factories.get(request.manufacturerId);
      if (!factory || factory.key !== request.key) return { type: "stale" };
      let { plan, finder } = compiled(factory);
      const answers: Array<TrialSlot[] | null> = [];
      const earlierItems: Hold[] = [];
      for (const [index, item] of request.items.entries()) {
        const slots = trialInsertion(plan, finder, item, `\u0000trial${index}`);
        answers.push(slots);
        // The order's next line goes around the slots of the lines before it.
        if (slots && index < request.items.length - 1) {
          const units = slots.map((slot, unit) => {
            const spec = item.units[unit]!;
            return { lineId: slot.lineId, start: slot.start, end: slot.end, family: spec.family, requires: spec.requires, minutes: spec.minutes, due: slot.end };
          });
          earlierItems.push({ id: `\u0000item${index}`, units });
          plan = buildPromisePlan(factory.base, [...factory.holds.values(), ...earlierItems]);
          finder = createSlotFinder(plan);
        }
      }
      return { type: "trial", slots: answers };
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
