import { compareObjectives, type Objective } from "./objective";
import type { Random } from "./random";
import { RuinRecreate, type RuinRecreateSettings } from "./ruin-recreate";
import type { Solution, SolutionSnapshot } from "./solution";

export interface ImproveOptions {
  settings: RuinRecreateSettings;
  /** SA temperature at the start and the end, as fractions of the current cost per job */
  temperature: { start: number; end: number };
  /** setup weight of the search cost at the start and the end (geometric in between) */
  setupWeight: { start: number; end: number };
  /** polled before every step */
  outOfTime: () => boolean;
  /** progress through the run in [0, 1] (time or steps), drives both schedules */
  fraction: (iterations: number) => number;
  iterationLimit: number;
  /** most anchored jobs the plan may move (repair); Infinity = no cap */
  maxMoves: number;
  onBest?: (objective: Objective, iterations: number) => void;
  /** called every 64 steps with the best so far (progress reporting paces itself) */
  onTick?: (best: Objective, iterations: number) => void;
}

export interface ImproveResult {
  iterations: number;
  best: Objective;
}

/**
 * The ranking of plans: the objective, with each moved job (repair) counted as `moveWeight`
 * weighted minutes of tardiness.
 */
function rankOf(solution: Solution, moveWeight: number): Objective {
  const objective = solution.objective();
  objective.weightedTardiness += moveWeight * solution.moves();
  return objective;
}

/**
 * Simulated annealing over ruin-and-recreate steps; the solution ends holding the best plan
 * seen. Temperatures follow the current cost per job, which makes them scale-free across
 * instances and setup weights.
 */
export function improve(solution: Solution, random: Random, options: ImproveOptions): ImproveResult {
  const { settings, temperature, setupWeight } = options;
  settings.setupWeight = setupWeight.start;
  const search = new RuinRecreate(solution, random, settings);
  const model = solution.model;
  const jobsInverse = 1 / Math.max(1, model.freeJobs.length);
  let best = rankOf(solution, settings.moveWeight);
  let bestSnapshot: SolutionSnapshot = solution.snapshot();
  let currentCost = solution.cost();
  let currentUnplaced = solution.unplacedCount();
  let iterations = 0;
  if (model.freeJobs.length === 0) return { iterations, best };

  while (iterations < options.iterationLimit && !options.outOfTime()) {
    const fraction = options.fraction(iterations);
    const lambda = setupWeight.start * Math.pow(setupWeight.end / setupWeight.start, fraction);
    if (lambda !== settings.setupWeight) {
      search.setSetupWeight(lambda);
      currentCost = solution.cost();
    }
    const T = temperature.start * Math.pow(temperature.end / temperature.start, fraction) * Math.max(currentCost, 1e-9) * jobsInverse;
    search.step();
    iterations++;
    if ((iterations & 63) === 0) options.onTick?.(best, iterations);
    const unplaced = solution.unplacedCount();
    const cost = solution.cost();
    search.credit(unplaced === currentUnplaced ? currentCost - cost : 0);
    const acceptable =
      (options.maxMoves === Infinity || solution.moves() <= options.maxMoves) &&
      (unplaced < currentUnplaced ||
        (unplaced === currentUnplaced && (cost <= currentCost || random.next() < Math.exp((currentCost - cost) / T))));
    if (!acceptable) {
      search.reject();
      continue;
    }
    search.accept();
    currentCost = cost;
    currentUnplaced = unplaced;
    if (unplaced + model.unschedulable.size <= best.unscheduled) {
      const rank = rankOf(solution, settings.moveWeight);
      if (compareObjectives(rank, best) < 0) {
        best = rank;
        bestSnapshot = solution.snapshot();
        options.onBest?.(best, iterations);
      }
    }
  }
  solution.restore(bestSnapshot);
  return { iterations, best };
}
