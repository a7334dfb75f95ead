import { z } from "zod";

/**
 * Server → agent: the line's whole queue under a plan version. A new queue replaces the old
 * one. Job states are ISA-95 job-order states as the line sees them.
 */
export const QueueJobStateSchema = z.enum(["allowed_to_start", "running", "interrupted"]);

export const QueueJobSchema = z.strictObject({
  id: z.string().min(1).max(64),
  code: z.string().max(40),
  state: QueueJobStateSchema,
  product: z.strictObject({ name: z.string().max(120), type: z.string().max(60) }).nullable(),
  /** The configuration's first choices, for the operator: "door: french". */
  keyOptions: z.array(z.strictObject({ group: z.string().max(60), value: z.string().max(120) })).max(12),
  /**
   * The picture of what the job makes, for the operator: a signed path on the server the agent
   * talks to (resolve it against that address), valid for about a week and while the job is on
   * this line. Null for a job of no order.
   */
  previewUrl: z.string().max(600).nullable(),
  family: z.string().max(60),
  quantity: z.number().int().min(1),
  /** Processing minutes at line speed 1 for the whole job. */
  minutes: z.number().int().min(0),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  setupMinutes: z.number().int().min(0).nullable(),
  /** What the server has stored of a job already under way (resync after a restart). */
  progress: z.number().min(0).max(100),
  goodCount: z.number().int().min(0),
  scrapCount: z.number().int().min(0),
});
export type QueueJob = z.infer<typeof QueueJobSchema>;

export const LineQueueSchema = z.strictObject({
  planVersion: z.number().int().min(0),
  /** Line speed: processing takes minutes / speed. */
  speed: z.number().positive(),
  jobs: z.array(QueueJobSchema).max(500),
});
export type LineQueue = z.infer<typeof LineQueueSchema>;

/** The agent's ack of a queue: the plan version it now runs. */
export const QueueAckSchema = z.strictObject({ planVersion: z.number().int().min(0) });
export type QueueAck = z.infer<typeof QueueAckSchema>;
