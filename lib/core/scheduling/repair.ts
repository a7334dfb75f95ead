import { applyRepairEvent, RepairInputError } from "./apply-repair-event";
import { findBestInsertion, newInsertionChoice } from "./best-insertion";
import { checkSchedule } from "./check-schedule";
import { compileInstance } from "./compile-instance";
import { improve } from "./improve";
import { isoToEpochMinutes } from "./iso-minutes";
import type { Objective } from "./objective";
import type { Plan } from "./plan-schema";
import { createRandom } from "./random";
import type { RepairEvent } from "./repair-event-schema";
import { DEFAULT_RUIN_RECREATE } from "./ruin-recreate";
import { Solution } from "./solution";
import { toSchedule } from "./to-schedule";

export interface RepairOptions {
  timeLimitMs: number;
  seed?: string | number;
  /** moved jobs allowed beyond those the event itself forces off their place; default no cap */
  maxMoves?: number;
  /** weighted minutes of tardiness a move must save to be worth making */
  moveWeight?: number;
  iterationLimit?: number;
  now?: () => number;
  shouldStop?: () => boolean;
}

export interface MovedJob {
  jobId: string;
  from: { lineId: string; start: string };
  /** null when the job could not be placed any more */
  to: { lineId: string; start: string } | null;
}

export interface RepairResult {
  /** the instance after the event, with the repaired schedule */
  plan: Plan;
  objective: Objective;
  /** planned jobs whose line or start changed */
  moved: MovedJob[];
  /** of those, the ones the event forced off their place */
  displaced: string[];
  added: string[];
  cancelled: string[];
  started: string[];
  notes: string[];
  iterations: number;
  /** when the first repaired plan (all displaced and new jobs re-inserted) existed */
  firstPlanMs: number;
  elapsedMs: number;
}

export const DEFAULT_MOVE_WEIGHT = 300;

/**
 * Repairs a published plan after a disruption. Started and locked jobs stay; every other job
 * holds its place while the changed plan still allows it (sticky anchors in the decoder). The
 * jobs the event displaced, and new ones, are inserted where they cost least, then ruin and
 * recreate focused on the changed jobs trades moves against tardiness: a move has to save
 * `moveWeight` weighted minutes, and never more than `maxMoves` voluntary moves are made.
 */
export function repairPlan(plan: Plan, event: RepairEvent, options: RepairOptions): RepairResult {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const deadline = started + options.timeLimitMs;
  const check = checkSchedule(plan.instance, plan.schedule);
  if (!check.feasible) throw new RepairInputError(`the plan's schedule is not feasible for its instance: ${check.violations.slice(0, 3).join("; ")}`);

  const disrupted = applyRepairEvent(plan, event);
  const model = compileInstance(disrupted.instance, { anchors: disrupted.anchors, notBefore: event.at });
  const moveWeight = options.moveWeight ?? DEFAULT_MOVE_WEIGHT;
  const setupWeight = 0.05;
  const solution = new Solution(model);
  solution.setCostWeights(setupWeight, moveWeight);
  const anchorLine = model.anchorLine as Int32Array;
  const anchorStart = model.anchorStart as Int32Array;

  // the plan as it stands: each line keeps the jobs that still fit exactly where they were
  const displaced: number[] = [];
  const byLine: number[][] = model.lines.map(() => []);
  for (const j of model.freeJobs) if ((anchorLine[j] as number) >= 0) byLine[anchorLine[j] as number]?.push(j);
  byLine.forEach((jobs, l) => {
    jobs.sort((a, b) => (anchorStart[a] as number) - (anchorStart[b] as number));
    const line = solution.lines[l];
    if (!line) return;
    for (const j of jobs) {
      solution.insert(l, line.length, j);
      if (line.start[line.length - 1] !== anchorStart[j]) {
        solution.remove(j);
        displaced.push(j);
      }
    }
  });

  // displaced, new and formerly unscheduled jobs, most urgent first, within the move budget
  const allowed = displaced.length + (options.maxMoves ?? Infinity);
  const pending = solution.unplacedJobs().sort((a, b) => (model.jobDue[a] as number) - (model.jobDue[b] as number) || a - b);
  const choice = newInsertionChoice();
  // each displaced job still to come needs one move of the budget for itself
  let displacedLeft = displaced.length;
  for (const j of pending) {
    const isDisplaced = (anchorLine[j] as number) >= 0;
    if (isDisplaced) displacedLeft--;
    const search = { blinkRate: 0, random: null, positionWindow: Infinity, maxMoves: Math.max(0, allowed - solution.moves() - displacedLeft) };
    if (!findBestInsertion(solution, j, search, choice)) {
      search.maxMoves = Infinity;
      if (!findBestInsertion(solution, j, search, choice)) continue;
    }
    solution.insert(choice.line, choice.position, j);
  }

  const firstPlanMs = now() - started;
  const iterationLimit = options.iterationLimit ?? Infinity;
  const outOfTime = () => now() >= deadline || options.shouldStop?.() === true;
  const result = improve(solution, createRandom(options.seed ?? 1), {
    settings: { ...DEFAULT_RUIN_RECREATE, moveWeight, averageRemoved: 6, focusOnChanges: 0.8 },
    temperature: { start: 0.01, end: 0.0001 },
    setupWeight: { start: setupWeight, end: setupWeight },
    outOfTime,
    fraction: Number.isFinite(iterationLimit) ? (i) => i / iterationLimit : () => Math.min(1, (now() - started) / Math.max(1, deadline - started)),
    iterationLimit,
    maxMoves: allowed,
  });

  const { schedule, objective } = toSchedule(solution);
  const placedAt = new Map(schedule.assignments.map((a) => [a.jobId, a]));
  const moved: MovedJob[] = [];
  for (const [jobId, anchor] of disrupted.anchors) {
    const placed = placedAt.get(jobId);
    if (placed && placed.lineId === anchor.lineId && isoToEpochMinutes(placed.start) === isoToEpochMinutes(anchor.start)) continue;
    moved.push({ jobId, from: anchor, to: placed ? { lineId: placed.lineId, start: placed.start } : null });
  }
  return {
    plan: { version: 1, instance: disrupted.instance, schedule },
    objective,
    moved,
    displaced: displaced.map((j) => model.jobIds[j] as string),
    added: disrupted.added,
    cancelled: disrupted.cancelled,
    started: disrupted.started,
    notes: disrupted.notes,
    iterations: result.iterations,
    firstPlanMs,
    elapsedMs: now() - started,
  };
}
