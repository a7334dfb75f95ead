import { z } from "zod";
import { CodeSchema } from "./code-schema";
import { ConditionSchema } from "./condition-schema";

/**
 * How the product becomes a production job. The family (what a line must be set up for) is
 * `<productType>-<variant>`, the variant being the chosen option of `familyGroup` (its
 * `familyVariant`, else its code), or "standard" when the product has no variant group.
 */
export const RoutingSchema = z.strictObject({
  capabilities: z.array(CodeSchema).min(1).max(20),
  /** Minutes at line speed 1 for one unit. */
  minutesPerUnit: z.number().finite().positive().max(100_000),
  familyGroup: CodeSchema.optional(),
  extras: z
    .array(
      z.strictObject({
        when: ConditionSchema,
        minutes: z.number().finite().min(0).max(100_000).default(0),
        capabilities: z.array(CodeSchema).max(10).default([]),
      }),
    )
    .max(200)
    .default([]),
});
export type Routing = z.infer<typeof RoutingSchema>;
