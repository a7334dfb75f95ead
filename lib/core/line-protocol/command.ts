import { z } from "zod";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "../json/storable-text";

/**
 * Server → agent commands from the planner. `correlationId` names the command in every answer:
 * the ack says accepted or rejected (with a reason), and the event that carries out the command
 * carries the same id, which marks it done.
 */
export const CommandKindSchema = z.enum(["start", "pause", "resume", "abort", "resync"]);
export type CommandKind = z.infer<typeof CommandKindSchema>;

export const LineCommandMessageSchema = z.strictObject({
  correlationId: z.string().min(1).max(64),
  kind: CommandKindSchema,
  jobId: z.string().min(1).max(64).nullable(),
});
export type LineCommandMessage = z.infer<typeof LineCommandMessageSchema>;

export const CommandRejectionSchema = z.enum([
  "JOB_NOT_IN_QUEUE",
  "JOB_NOT_RUNNING",
  "JOB_NOT_INTERRUPTED",
  "ANOTHER_JOB_RUNNING",
  "LINE_DOWN",
  "UNSUPPORTED",
]);

export const CommandReplySchema = z.discriminatedUnion("outcome", [
  z.strictObject({ correlationId: z.string().max(64), outcome: z.literal("accepted") }),
  z.strictObject({ correlationId: z.string().max(64), outcome: z.literal("rejected"), reason: CommandRejectionSchema, message: z.string().max(200).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE) }),
]);
export type CommandReply = z.infer<typeof CommandReplySchema>;

/** Which kinds of command need a job, and which do not take one. */
export function commandNeedsJob(kind: CommandKind): boolean {
  return kind !== "resync";
}
