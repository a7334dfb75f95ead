import { z } from "zod";
import { IsoMinuteSchema, JobSchema } from "./instance-schema";
import { isoToEpochMinutes } from "./iso-minutes";

const after = (from: string, to: string) => (isoToEpochMinutes(to) ?? 0) > (isoToEpochMinutes(from) ?? 0);

export const LineDownSchema = z
  .object({ type: z.literal("line-down"), lineId: z.string().min(1), from: IsoMinuteSchema, to: IsoMinuteSchema })
  .refine((c) => after(c.from, c.to), { message: "must be after from", path: ["to"] });

export const ReleaseMovedSchema = z.object({ type: z.literal("release-moved"), jobId: z.string().min(1), release: IsoMinuteSchema });

/** new (rush) jobs, in FORMAT.md's job format */
export const JobsAddedSchema = z.object({ type: z.literal("jobs-added"), jobs: z.array(JobSchema).min(1) });

export const JobCancelledSchema = z.object({ type: z.literal("job-cancelled"), jobId: z.string().min(1) });

export const DisruptionSchema = z.discriminatedUnion("type", [LineDownSchema, ReleaseMovedSchema, JobsAddedSchema, JobCancelledSchema]);
export type Disruption = z.infer<typeof DisruptionSchema>;

/**
 * What happened to a published plan. `at` is the moment of the repair: jobs that started
 * before it stay where they are, and nothing new starts before it.
 */
export const RepairEventSchema = z.object({
  version: z.literal(1),
  at: IsoMinuteSchema,
  disruptions: z.array(DisruptionSchema).min(1),
});
export type RepairEvent = z.infer<typeof RepairEventSchema>;
