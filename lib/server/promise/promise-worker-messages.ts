import type { Hold, PromiseBase } from "../../core/promise/promise-plan";
import type { TrialRequest, TrialSlot } from "../../core/promise/trial-insertion";
import type { Instance } from "../../core/scheduling/instance-schema";
import type { Plan } from "../../core/scheduling/plan-schema";
import type { RepairOptions, RepairResult } from "../../core/scheduling/repair";
import type { RepairEvent } from "../../core/scheduling/repair-event-schema";
import type { SolveOptions, SolveResult } from "../../core/scheduling/solve";

/**
 * The promise worker's protocol. It keeps, per manufacturer, the promise base (the published
 * plan over the factory as it is) and the holds, and answers trial insertions against them —
 * kept compiled between questions and changed in place as holds come and go. It also runs the
 * scheduler's solve and repair for callers that want a result to await (the promise review,
 * the simulation's planner) without paying for a new thread per run.
 */
export type PromiseWorkerRequest =
  | { type: "base"; manufacturerId: string; key: string; base: PromiseBase; holds: Hold[] }
  | { type: "holds"; manufacturerId: string; add: Hold[]; remove: string[] }
  /**
   * Slots for each order line. With `holdIds` (one per line), the slots found are held at once
   * under those ids when every line found room — the worker answers one question at a time, so
   * the next question goes around them; the asker sends the holds' due dates later ("holds").
   */
  | { type: "trial"; manufacturerId: string; key: string; items: TrialRequest[]; holdIds?: string[] }
  | { type: "solve"; instance: Instance; options: Pick<SolveOptions, "timeLimitMs" | "seed" | "iterationLimit"> }
  | { type: "repair"; plan: Plan; event: RepairEvent; options: Pick<RepairOptions, "timeLimitMs" | "seed" | "iterationLimit" | "maxMoves" | "moveWeight"> };

export type PromiseWorkerReply =
  | { type: "ok" }
  | { type: "trial"; slots: Array<TrialSlot[] | null> }
  /** The worker lost the base (restarted, or another key won): send it again. */
  | { type: "stale" }
  | { type: "solve"; result: SolveResult }
  | { type: "repair"; result: RepairResult };

export type PromiseWorkerEnvelope = { id: number; request: PromiseWorkerRequest };
export type PromiseWorkerAnswer = { id: number; reply?: PromiseWorkerReply; error?: { name: string; message: string } };
