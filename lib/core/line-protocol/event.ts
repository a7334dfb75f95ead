import { z } from "zod";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "../json/storable-text";

/**
 * Agent → server: one thing that happened on the line. `seq` strictly increases per line;
 * counts are cumulative for the job (so a resent or the latest event is the whole truth).
 * Every field is bounded, and unknown fields are refused, so an event's size is bounded by its
 * schema as well as by the byte limit.
 */
const MAX_SEQ = 2_147_483_647;
// Text the database can store: a NUL or an unpaired surrogate was a persistence failure the
// agent retried for ever, blocking every later event of its line.
const StorableText = (max: number) => z.string().min(1).max(max).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);
const JobId = StorableText(64);
const Reason = StorableText(200);
const Count = z.number().int().min(0).max(1_000_000);

export const LineStatusSchema = z.enum(["running", "idle", "down", "maintenance"]);
export type LineStatusValue = z.infer<typeof LineStatusSchema>;

const common = {
  seq: z.number().int().min(1).max(MAX_SEQ),
  /** When it happened on the line (ISO 8601 with offset). */
  at: z.iso.datetime({ offset: true }),
  /** The planner command this event carries out, if any. */
  correlationId: StorableText(64).optional(),
};

export const LineEventSchema = z.discriminatedUnion("type", [
  z.strictObject({ ...common, type: z.literal("status"), status: LineStatusSchema, reason: Reason.optional() }),
  z.strictObject({ ...common, type: z.literal("job_started"), jobId: JobId }),
  z.strictObject({ ...common, type: z.literal("job_progress"), jobId: JobId, percent: z.number().min(0).max(100), good: Count, scrap: Count }),
  z.strictObject({ ...common, type: z.literal("job_interrupted"), jobId: JobId, reason: Reason }),
  z.strictObject({ ...common, type: z.literal("job_resumed"), jobId: JobId }),
  z.strictObject({ ...common, type: z.literal("job_completed"), jobId: JobId, good: Count, scrap: Count }),
  z.strictObject({ ...common, type: z.literal("job_failed"), jobId: JobId, reason: Reason, good: Count.optional(), scrap: Count.optional() }),
]);
export type LineEvent = z.infer<typeof LineEventSchema>;
export type LineEventType = LineEvent["type"];
export type JobEvent = Exclude<LineEvent, { type: "status" }>;

export function isJobEvent(event: LineEvent): event is JobEvent {
  return event.type !== "status";
}

export type EventAck = { ok: true; seq: number; duplicate: boolean } | { ok: false; seq: number | null; error: import("./error-codes").ProtocolError };

/** Events per `events` message at most: a batch amortizes a message's cost over many events. */
export const MAX_EVENTS_PER_BATCH = 100;
