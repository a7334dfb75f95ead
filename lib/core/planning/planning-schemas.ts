import { z } from "zod";

const Id = z.string().min(1, "Missing id.").max(64).regex(/^[A-Za-z0-9_-]+$/, "Not a valid id.");
const Instant = z.iso.datetime({ offset: true, error: "Use an ISO date-time such as 2026-12-01T06:00:00Z." });
/** The version of the job the planner saw: a job someone else changed meanwhile is a 409, never overwritten. */
const Version = z.number({ error: "Send the version you saw." }).int().positive();

export const MoveJobSchema = z.discriminatedUnion("to", [
  z.object({ to: z.literal("line"), jobId: Id, lineId: Id, start: Instant, version: Version }),
  z.object({ to: z.literal("backlog"), jobId: Id, version: Version }),
]);
export type MoveJob = z.infer<typeof MoveJobSchema>;

export const LockJobSchema = z.object({ jobId: Id, locked: z.boolean(), version: Version });
export type LockJob = z.infer<typeof LockJobSchema>;

export const MarkLineDownSchema = z.object({
  lineId: Id,
  until: Instant,
  reason: z.string().trim().min(3, "Say why, in a few words.").max(200),
});
export type MarkLineDown = z.infer<typeof MarkLineDownSchema>;

export const StartSchedulerRunSchema = z.object({
  timeLimitSeconds: z.number().int().min(1, "At least 1 second.").max(300, "At most 300 seconds.").optional(),
});

export const ProposalDecisionSchema = z.object({ planId: Id, decision: z.enum(["accept", "discard"]) });
export type ProposalDecision = z.infer<typeof ProposalDecisionSchema>;
