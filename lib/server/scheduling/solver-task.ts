import type { Instance } from "../../core/scheduling/instance-schema";
import type { Plan } from "../../core/scheduling/plan-schema";
import type { RepairOptions, RepairResult } from "../../core/scheduling/repair";
import type { RepairEvent } from "../../core/scheduling/repair-event-schema";
import type { SolveProgress, SolveResult } from "../../core/scheduling/solve";

/** What a solver worker is asked to do: solve an instance, or repair a plan after an event. */
export type SolverTask =
  | { kind: "solve"; instance: Instance; timeLimitMs: number; seed?: string | number }
  | { kind: "repair"; plan: Plan; event: RepairEvent; timeLimitMs: number; seed?: string | number; maxMoves?: RepairOptions["maxMoves"]; moveWeight?: number };

export type SolverTaskResult = { kind: "solve"; result: SolveResult } | { kind: "repair"; result: RepairResult };

/** Messages from the worker to the thread that started it. */
export type SolverWorkerMessage =
  | { type: "progress"; progress: SolveProgress }
  | { type: "done"; outcome: SolverTaskResult }
  | { type: "failed"; name: string; message: string };

export interface SolverWorkerData {
  task: SolverTask;
  progressIntervalMs: number;
  /** one Int32 set to 1 when the run should finish with its best plan */
  stopFlag: SharedArrayBuffer;
}
