import { z } from "zod";

/** One simulated line agent; every field has the CLI flag of the same name (kebab-case). */
export const SimulationSchema = z.strictObject({
  timeScale: z.coerce.number().min(1).max(10_000).default(1),
  tickMs: z.coerce.number().int().min(10).max(10_000).default(250),
  progressEverySeconds: z.coerce.number().min(1).max(3_600).default(60),
  scrapRate: z.coerce.number().min(0).max(0.9).default(0),
  breakdownEveryMinutes: z.coerce.number().min(0).default(0),
  breakdownMinutes: z.coerce.number().min(0).default(15),
  disconnectEverySeconds: z.coerce.number().min(0).default(0),
  disconnectSeconds: z.coerce.number().min(0).default(5),
  performance: z.coerce.number().min(0.05).max(1).default(1),
});
export type Simulation = z.infer<typeof SimulationSchema>;

export const FleetAgentSchema = z.strictObject({
  lineId: z.string().min(1).max(64),
  /** Shown in logs instead of the id. */
  label: z.string().max(40).optional(),
  token: z.string().min(1).max(128),
  stateDirectory: z.string().min(1).optional(),
  simulation: SimulationSchema.partial().optional(),
});

/** A fleet file: several agents in one process (the demo's whole factory). */
export const FleetSchema = z.strictObject({
  url: z.string().url(),
  stateRoot: z.string().min(1).default(".data/agents"),
  simulation: SimulationSchema.partial().default({}),
  agents: z.array(FleetAgentSchema).min(1).max(1_000),
});
export type Fleet = z.infer<typeof FleetSchema>;
