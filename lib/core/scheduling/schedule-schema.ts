import { z } from "zod";
import { IsoMinuteSchema } from "./instance-schema";

export const AssignmentSchema = z.object({
  jobId: z.string().min(1),
  lineId: z.string().min(1),
  start: IsoMinuteSchema,
  end: IsoMinuteSchema,
  /** the changeover spent right before `start`, derived from the previous job on the line */
  setupMinutes: z.number().int().nonnegative(),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

export const UnscheduledJobSchema = z.object({ jobId: z.string().min(1), reason: z.string() });
export type UnscheduledJob = z.infer<typeof UnscheduledJobSchema>;

export const ScheduleMetricsSchema = z.object({
  weightedTardiness: z.number(),
  setupMinutes: z.number(),
  makespan: IsoMinuteSchema.nullable(),
  lateJobs: z.number().int(),
});
export type ScheduleMetrics = z.infer<typeof ScheduleMetricsSchema>;

export const ScheduleSchema = z.object({
  assignments: z.array(AssignmentSchema),
  unscheduled: z.array(UnscheduledJobSchema),
  metrics: ScheduleMetricsSchema.optional(),
});
export type Schedule = z.infer<typeof ScheduleSchema>;
