/**
 * The safety margin a promise adds to its planned finish, learned from history: the empirical
 * quantile of how late past orders finished against their own planned finish (in working
 * minutes), so that a share `level` of them would have been on time with it. While history is
 * thin the margin leans on a prior; the answer says how much of it is history.
 */
export type MarginSource = "history" | "prior" | "blend";

export type SafetyMargin = {
  /** Working minutes added to the planned finish. */
  minutes: number;
  /** The probability the margin is sized for (the factory's promise confidence). */
  level: number;
  /** Past orders it was learned from. */
  samples: number;
  /** Share of those past orders that finished within planned finish + margin; null without history. */
  coverage: number | null;
  source: MarginSource;
};

/**
 * The empirical quantile: the smallest sample x with F(x) ≥ p (the inverse of the empirical
 * distribution, Hyndman & Fan type 1), so at least a share p of the samples are ≤ x.
 */
export function empiricalQuantile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new RangeError("no samples");
  if (!(p > 0 && p <= 1)) throw new RangeError(`quantile level must be in (0, 1], got ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

/** Share of samples at or below `value`. */
export function coverageOf(samples: readonly number[], value: number): number {
  if (samples.length === 0) return 0;
  return samples.filter((sample) => sample <= value).length / samples.length;
}

export type MarginInput = {
  /** Past lateness against plan, working minutes (negative: early). */
  samples: readonly number[];
  level: number;
  /** The margin before there is history, working minutes. */
  priorMinutes: number;
  /** Samples that weigh as much as the prior: with n samples, history counts n / (n + priorWeight). */
  priorWeight?: number;
};

const DEFAULT_PRIOR_WEIGHT = 20;

export function learnSafetyMargin(input: MarginInput): SafetyMargin {
  const n = input.samples.length;
  const prior = Math.max(0, input.priorMinutes);
  if (n === 0) return { minutes: Math.round(prior), level: input.level, samples: 0, coverage: null, source: "prior" };
  const learned = Math.max(0, empiricalQuantile(input.samples, input.level));
  const weight = n / (n + (input.priorWeight ?? DEFAULT_PRIOR_WEIGHT));
  // Shrinkage towards the prior; never below what history alone asks for once it is ample.
  const blended = weight * learned + (1 - weight) * prior;
  const minutes = Math.round(weight >= 0.8 ? Math.max(learned, blended) : blended);
  return { minutes, level: input.level, samples: n, coverage: coverageOf(input.samples, minutes), source: weight >= 0.8 ? "history" : "blend" };
}
