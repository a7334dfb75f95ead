import { z } from "zod";

export const QueueJobsOnLineSchema = z.strictObject({
  /** The line's new queue, in order; jobs already running on it stay first. */
  jobIds: z.array(z.string().min(1).max(64)).max(500),
  /** When the first queued job is planned to start; default now. */
  start: z.iso.datetime({ offset: true }).optional(),
});
export type QueueJobsOnLine = z.infer<typeof QueueJobsOnLineSchema>;
