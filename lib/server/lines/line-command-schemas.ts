import { z } from "zod";
import { CommandKindSchema, commandNeedsJob } from "@/lib/core/line-protocol";

export const SendLineCommandSchema = z
  .strictObject({ kind: CommandKindSchema, jobId: z.string().min(1).max(64).nullable().default(null) })
  .refine((input) => commandNeedsJob(input.kind) === (input.jobId !== null), { message: "start, pause, resume and abort name a job; resync does not", path: ["jobId"] });
export type SendLineCommand = z.infer<typeof SendLineCommandSchema>;
