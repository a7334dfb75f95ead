import { z } from "zod";

/**
 * A simulation run: the demo factory driven through its real use cases in simulated time
 * (scripts/simulate.ts; README, "Simulation").
 */
export const SimulationConfigSchema = z.object({
  /** Days of order arrivals that are measured. */
  days: z.number().int().min(1).max(120),
  /** Days of arrivals before them that fill the factory and are not measured. */
  warmupDays: z.number().int().min(0).max(30).default(3),
  /** Orders per day over the whole catalogue; null = the rate that loads the factory to `targetLoad`. */
  ordersPerDay: z.number().positive().max(2_000).nullable().default(null),
  targetLoad: z.number().min(0.1).max(1.2).default(0.85),
  seed: z.union([z.string(), z.number()]).transform(String),
  /** Monday 00:00 UTC of the first warm-up day. */
  start: z.iso.datetime().default("2027-01-04T00:00:00Z"),
  /**
   * The factory's promise confidence (FactorySettings.promiseConfidence): the share of its
   * history the learned safety margin covers. The demo's 0.9 keeps about nine promises in ten;
   * the simulation's factory asks for more.
   */
  confidence: z.number().min(0.5).max(0.999).default(0.98),
  promise: z.discriminatedUnion("mode", [z.object({ mode: z.literal("capable-to-promise") }), z.object({ mode: z.literal("fixed-lead-time"), leadTimeDays: z.number().int().min(1).max(120) })]),
  /** Scheduler improvement steps: a step count, never wall time, keeps runs identical. */
  solveIterations: z.number().int().min(0).default(300),
  repairIterations: z.number().int().min(0).default(60),
  /** Days after the last measured arrival the factory may still run to finish those orders. */
  drainDays: z.number().int().min(0).max(90).default(35),
});
export type SimulationConfig = z.input<typeof SimulationConfigSchema>;
export type ResolvedSimulationConfig = z.output<typeof SimulationConfigSchema>;

/** The world's behaviour: what the simulation draws from its seed. */
export const WORLD = {
  /** A supplier answers a request this many business hours after it arrives, at most. */
  supplierAnswerHours: 8,
  /** Extra days on top of the catalogue lead time a confirmation carries, with their odds. */
  confirmationDelayDays: [
    { days: 0, weight: 0.7 },
    { days: 1, weight: 0.15 },
    { days: 2, weight: 0.1 },
    { days: 4, weight: 0.05 },
  ],
  /** Share of requests refused (re-sourced to the next supplier; a part's only supplier confirms late instead). */
  rejectionRate: 0.03,
  /** Share of confirmed requests whose date later slips, by 1–4 days, announced 1–3 days ahead. */
  slipRate: 0.06,
  /** Per line: pace against the ideal (0.92–1.0), scrap share, breakdowns. */
  performance: { min: 0.92, max: 1 },
  scrapRate: 0.01,
  breakdownEveryMinutes: 4_800,
  breakdownMinutes: 120,
  /** Share of orders for 2 and 3 units. */
  quantityOdds: [
    { quantity: 1, weight: 0.82 },
    { quantity: 2, weight: 0.13 },
    { quantity: 3, weight: 0.05 },
  ],
  /** Destinations, with their odds. */
  destinations: [
    { country: "home", weight: 0.6 },
    { country: "neighbour", weight: 0.2 },
    { country: "DE", weight: 0.12 },
    { country: "GB", weight: 0.05 },
    { country: "US", weight: 0.03 },
  ],
  /** Share of single choices that pick an express option when the product has one. */
  expressShare: 0.06,
  /** Planner: a full scheduler run at 05:00 factory time, new work inserted every few hours. */
  planEveryHours: 2,
  /** How much of the setup time the load estimate adds to processing time. */
  setupAllowance: 0.1,
} as const;
