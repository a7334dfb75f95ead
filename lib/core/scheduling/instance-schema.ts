import { z } from "zod";
import { isoToEpochMinutes } from "./iso-minutes";

/** A whole-minute UTC ISO time, as FORMAT.md v1 requires everywhere. */
export const IsoMinuteSchema = z
  .string()
  .refine((s) => isoToEpochMinutes(s) !== null, { message: "must be a whole-minute UTC ISO time, e.g. 2026-12-01T06:00:00Z" });

export const TimeWindowSchema = z
  .object({ start: IsoMinuteSchema, end: IsoMinuteSchema })
  .refine((w) => (isoToEpochMinutes(w.end) ?? 0) > (isoToEpochMinutes(w.start) ?? 0), {
    message: "window end must be after its start",
    path: ["end"],
  });
export type TimeWindow = z.infer<typeof TimeWindowSchema>;

export const LineSchema = z.object({
  id: z.string().min(1),
  capabilities: z.array(z.string()),
  /** processing = ceil(minutes / speed) */
  speed: z.number().positive().finite().optional(),
  /** availability (shifts); absent or empty = the whole horizon */
  windows: z.array(TimeWindowSchema).optional(),
  initialFamily: z.string().optional(),
});
export type Line = z.infer<typeof LineSchema>;

const SetupMinutesSchema = z.number().int().nonnegative();

export const SetupsSchema = z.object({
  default: SetupMinutesSchema,
  /** from-family -> to-family -> minutes; overrides `default` */
  matrix: z.record(z.string(), z.record(z.string(), SetupMinutesSchema)).optional(),
});
export type Setups = z.infer<typeof SetupsSchema>;

export const PinSchema = z.object({ lineId: z.string().min(1), start: IsoMinuteSchema });
export type Pin = z.infer<typeof PinSchema>;

export const JobSchema = z.object({
  id: z.string().min(1),
  family: z.string().min(1),
  requires: z.array(z.string()),
  /** processing minutes at speed 1 */
  minutes: z.number().int().positive(),
  release: IsoMinuteSchema.optional(),
  due: IsoMinuteSchema,
  weight: z.number().nonnegative().finite().optional(),
  pinned: PinSchema.optional(),
});
export type Job = z.infer<typeof JobSchema>;

export const InstanceSchema = z
  .object({
    version: z.literal(1),
    horizon: TimeWindowSchema,
    lines: z.array(LineSchema).min(1),
    setups: SetupsSchema,
    jobs: z.array(JobSchema),
  })
  .superRefine((instance, ctx) => {
    const seenLines = new Set<string>();
    instance.lines.forEach((line, i) => {
      if (seenLines.has(line.id)) ctx.addIssue({ code: "custom", message: `duplicate line id ${line.id}`, path: ["lines", i, "id"] });
      seenLines.add(line.id);
    });
    const seenJobs = new Set<string>();
    instance.jobs.forEach((job, i) => {
      if (seenJobs.has(job.id)) ctx.addIssue({ code: "custom", message: `duplicate job id ${job.id}`, path: ["jobs", i, "id"] });
      seenJobs.add(job.id);
    });
  });
export type Instance = z.infer<typeof InstanceSchema>;
