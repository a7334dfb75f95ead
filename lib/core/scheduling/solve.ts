import { buildSchedule } from "./build-schedule";
import { compileInstance } from "./compile-instance";
import { constructAtcs } from "./construct-atcs";
import { constructEdd } from "./construct-edd";
import { constructInsertion } from "./construct-insertion";
import type { Instance } from "./instance-schema";
import type { Model } from "./model";
import { compareObjectives, type Objective } from "./objective";
import { createRandom } from "./random";
import { EXACT_MAX_JOBS, solveExact } from "./solve-exact";
import { DEFAULT_RUIN_RECREATE, RuinRecreate, type RuinRecreateSettings } from "./ruin-recreate";
import type { Schedule } from "./schedule-schema";
import type { Solution, SolutionSnapshot } from "./solution";
import { toSchedule } from "./to-schedule";

export interface SolveProgress {
  phase: "construct" | "improve" | "done";
  objective: Objective;
  iterations: number;
  elapsedMs: number;
}

export interface SolveOptions {
  timeLimitMs: number;
  /** stop after this many improvement steps (the schedule then follows steps, not time: reproducible) */
  iterationLimit?: number;
  seed?: string | number;
  /** milliseconds from any origin; only the time limit and progress pacing read it */
  now?: () => number;
  /** polled between steps: true makes the solver return its best plan so far */
  shouldStop?: () => boolean;
  onProgress?: (progress: SolveProgress) => void;
  progressIntervalMs?: number;
  settings?: Partial<RuinRecreateSettings>;
  /** SA temperature at the start and the end, as fractions of the mean cost per job */
  temperature?: { start: number; end: number };
  /** setup weights of the cheapest-insertion constructions (one construction each) */
  constructionSetupWeights?: number[];
  /** setup weight of the search cost at the start and the end of the improvement (geometric in between) */
  setupWeight?: { start: number; end: number };
}

export interface SolveResult {
  schedule: Schedule;
  objective: Objective;
  iterations: number;
  elapsedMs: number;
  /** when the first complete plan existed (EDD), from the start of solve() */
  firstFeasibleMs: number;
  construction: string;
}

const defaultNow = () => performance.now();

/**
 * The anytime solver: constructions (EDD, ATCS dispatching, cheapest insertion), the best of
 * them improved by ruin and recreate under simulated annealing until the time limit or a stop.
 * It always holds the best feasible plan found, so stopping early still returns a plan.
 */
export function solve(input: Instance | Model, options: SolveOptions): SolveResult {
  const now = options.now ?? defaultNow;
  const started = now();
  const deadline = started + options.timeLimitMs;
  const model: Model = "jobFamily" in input ? input : compileInstance(input);
  const random = createRandom(options.seed ?? 1);
  const settings: RuinRecreateSettings = { ...DEFAULT_RUIN_RECREATE, ...options.settings };
  const stopRequested = () => options.shouldStop?.() === true;
  const outOfTime = () => now() >= deadline || stopRequested();

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

  // ---- small enough for the exact search: a proven optimum, nothing to improve
  if (model.freeJobs.length <= EXACT_MAX_JOBS) {
    const placed = solveExact(model);
    if (placed) {
      const { schedule, objective } = buildSchedule(model, placed);
      const elapsedMs = now() - started;
      report("done", objective, true);
      return { schedule, objective, iterations: 0, elapsedMs, firstFeasibleMs: elapsedMs, construction: "exact" };
    }
  }

  // ---- constructions: keep the best
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
      report("construct", bestObjective);
    }
  };
  const atcsParameters = [
    { slackScale: 2, setupScale: 0.5, releaseScale: 1 },
    { slackScale: 1, setupScale: 1, releaseScale: 0.5 },
    { slackScale: 4, setupScale: 0.25, releaseScale: 1 },
  ];
  for (const parameters of atcsParameters) {
    if (outOfTime()) break;
    consider(constructAtcs(model, parameters), "atcs");
  }
  for (const weight of options.constructionSetupWeights ?? [10, 30]) {
    if (outOfTime()) break;
    consider(constructInsertion(model, weight, settings.positionWindow), `insertion(${weight})`);
  }

  // ---- improvement
  const current = best;
  const search = new RuinRecreate(current, random, settings);
  let bestSnapshot: SolutionSnapshot = current.snapshot();
  // setups weigh heavily first (batching builds capacity), then hardly: the objective is lexicographic
  const setupWeight = options.setupWeight ?? { start: settings.setupWeight, end: 0.01 };
  settings.setupWeight = setupWeight.start;
  const costOf = (s: Solution) => s.tardiness() + settings.setupWeight * s.setupTotal();
  let currentCost = costOf(current);
  let currentUnplaced = current.unplacedCount();
  const temperature = options.temperature ?? { start: 0.05, end: 0.0005 };
  // temperatures follow the current cost per job: scale-free across instances and setup weights
  const jobsInverse = 1 / Math.max(1, model.freeJobs.length);
  const improveStart = now();
  const improveSpan = Math.max(1, deadline - improveStart);

  if (model.freeJobs.length > 0) {
    const iterationLimit = options.iterationLimit ?? Infinity;
    while (iterations < iterationLimit && !outOfTime()) {
      const fraction = Number.isFinite(iterationLimit) ? iterations / iterationLimit : Math.min(1, (now() - improveStart) / improveSpan);
      const T = temperature.start * Math.pow(temperature.end / temperature.start, fraction) * Math.max(currentCost, 1e-9) * jobsInverse;
      const lambda = setupWeight.start * Math.pow(setupWeight.end / setupWeight.start, fraction);
      if (lambda !== settings.setupWeight) {
        search.setSetupWeight(lambda);
        currentCost = costOf(current);
      }
      search.step();
      iterations++;
      const unplaced = current.unplacedCount();
      const cost = costOf(current);
      const acceptable =
        unplaced < currentUnplaced ||
        (unplaced === currentUnplaced && (cost <= currentCost || random.next() < Math.exp((currentCost - cost) / T)));
      if (!acceptable) {
        search.reject();
        continue;
      }
      search.accept();
      currentCost = cost;
      currentUnplaced = unplaced;
      if (unplaced <= bestObjective.unscheduled - model.unschedulable.size) {
        const objective = current.objective();
        if (compareObjectives(objective, bestObjective) < 0) {
          bestObjective = objective;
          bestSnapshot = current.snapshot();
          report("improve", bestObjective);
        }
      }
      if ((iterations & 63) === 0) report("improve", bestObjective);
    }
    current.restore(bestSnapshot);
  }
  const elapsedMs = now() - started;
  report("done", bestObjective, true);
  const { schedule, objective } = toSchedule(current);
  return {
    schedule,
    objective,
    iterations,
    elapsedMs,
    firstFeasibleMs,
    construction,
  };
}
