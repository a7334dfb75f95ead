import { buildSchedule } from "./build-schedule";
import { compileInstance } from "./compile-instance";
import { constructAtcs } from "./construct-atcs";
import { constructEdd } from "./construct-edd";
import { constructInsertion } from "./construct-insertion";
import { improve } from "./improve";
import type { Instance } from "./instance-schema";
import type { Model } from "./model";
import { compareObjectives, type Objective } from "./objective";
import { createRandom } from "./random";
import { DEFAULT_RUIN_RECREATE, type RuinRecreateSettings } from "./ruin-recreate";
import type { Schedule } from "./schedule-schema";
import type { Solution } from "./solution";
import { EXACT_MAX_JOBS, solveExact } from "./solve-exact";
import { toSchedule } from "./to-schedule";

export interface SolveProgress {
  phase: "construct" | "improve" | "done";
  objective: Objective;
  iterations: number;
  elapsedMs: number;
}

export interface SolveOptions {
  timeLimitMs: number;
  seed?: string | number;
  /** stop after this many improvement steps (the schedules then follow steps, not time: reproducible) */
  iterationLimit?: number;
  /** milliseconds from any origin; only the time limit and progress pacing read it */
  now?: () => number;
  /** polled between steps: true makes the solver return its best plan so far */
  shouldStop?: () => boolean;
  onProgress?: (progress: SolveProgress) => void;
  progressIntervalMs?: number;
  settings?: Partial<RuinRecreateSettings>;
  /** SA temperature at the start and the end, as fractions of the current cost per job */
  temperature?: { start: number; end: number };
  /** setup weight of the search cost at the start and the end of the improvement */
  setupWeight?: { start: number; end: number };
  /** setup weights of the cheapest-insertion constructions (one construction each) */
  constructionSetupWeights?: number[];
}

export interface SolveResult {
  schedule: Schedule;
  objective: Objective;
  iterations: number;
  elapsedMs: number;
  /** when the first complete plan existed, from the start of solve() */
  firstFeasibleMs: number;
  construction: string;
}

export const DEFAULT_TEMPERATURE = { start: 0.05, end: 0.0005 };
/** setups weigh heavily first (batching builds capacity), then hardly: the objective is lexicographic */
export const DEFAULT_SETUP_WEIGHT = { start: 10, end: 0.01 };
const DEFAULT_CONSTRUCTION_SETUP_WEIGHTS = [10, 30];
const ATCS_PARAMETERS = [
  { slackScale: 2, setupScale: 0.5, releaseScale: 1 },
  { slackScale: 4, setupScale: 0.25, releaseScale: 1 },
  { slackScale: 1, setupScale: 1, releaseScale: 0.5 },
];

const defaultNow = () => performance.now();

/**
 * The anytime solver. Small instances get the exact search. Otherwise constructions (EDD,
 * ATCS dispatching, cheapest insertion) and then the best of them improved by ruin and
 * recreate under simulated annealing until the time limit or a stop. It always holds the best
 * feasible plan found, so stopping early still returns a plan.
 */
export function solve(input: Instance | Model, options: SolveOptions): SolveResult {
  const now = options.now ?? defaultNow;
  const started = now();
  const deadline = started + options.timeLimitMs;
  const model: Model = "jobFamily" in input ? input : compileInstance(input);
  const random = createRandom(options.seed ?? 1);
  const settings: RuinRecreateSettings = { ...DEFAULT_RUIN_RECREATE, ...options.settings };
  const outOfTime = () => now() >= deadline || options.shouldStop?.() === true;

  let iterations = 0;
  let lastProgress = -Infinity;
  const progressInterval = options.progressIntervalMs ?? 250;
  const report = (phase: SolveProgress["phase"], objective: Objective, force = false) => {
    if (!options.onProgress) return;
    const t = now();
    if (!force && t - lastProgress < progressInterval) return;
    lastProgress = t;
    options.onProgress({ phase, objective, iterations, elapsedMs: t - started });
  };

  if (model.freeJobs.length <= EXACT_MAX_JOBS) {
    const placed = solveExact(model);
    if (placed) {
      const { schedule, objective } = buildSchedule(model, placed);
      const elapsedMs = now() - started;
      report("done", objective, true);
      return { schedule, objective, iterations: 0, elapsedMs, firstFeasibleMs: elapsedMs, construction: "exact" };
    }
  }

  let best: Solution = constructEdd(model);
  let bestObjective = best.objective();
  let construction = "edd";
  const firstFeasibleMs = now() - started;
  report("construct", bestObjective, true);
  const consider = (candidate: Solution, name: string) => {
    const objective = candidate.objective();
    if (compareObjectives(objective, bestObjective) < 0) {
      best = candidate;
      bestObjective = objective;
      construction = name;
    }
    report("construct", bestObjective);
  };
  for (const parameters of ATCS_PARAMETERS) {
    if (outOfTime()) break;
    consider(constructAtcs(model, parameters), "atcs");
  }
  for (const weight of options.constructionSetupWeights ?? DEFAULT_CONSTRUCTION_SETUP_WEIGHTS) {
    if (outOfTime()) break;
    consider(constructInsertion(model, weight, settings.positionWindow), `insertion(${weight})`);
  }

  const iterationLimit = options.iterationLimit ?? Infinity;
  const improveStart = now();
  const improveSpan = Math.max(1, deadline - improveStart);
  const result = improve(best, random, {
    settings,
    temperature: options.temperature ?? DEFAULT_TEMPERATURE,
    setupWeight: options.setupWeight ?? DEFAULT_SETUP_WEIGHT,
    outOfTime,
    fraction: Number.isFinite(iterationLimit) ? (i) => i / iterationLimit : () => Math.min(1, (now() - improveStart) / improveSpan),
    iterationLimit,
    maxMoves: Infinity,
    onBest: (objective, steps) => {
      iterations = steps;
      report("improve", objective);
    },
    onTick: (objective, steps) => {
      iterations = steps;
      report("improve", objective);
    },
  });
  iterations = result.iterations;
  const { schedule, objective } = toSchedule(best);
  report("done", objective, true);
  return { schedule, objective, iterations, elapsedMs: now() - started, firstFeasibleMs, construction };
}
