import { z } from "zod";
import { CodeSchema } from "./code-schema";
import { ConditionSchema } from "./condition-schema";

export const PartNumberSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Z0-9]+(?:[-.][A-Z0-9]+)*$/, "part numbers are uppercase letters, digits, '-' and '.'");

/**
 * One part per unit of the product: always, or only when `when` holds (typically "this option is
 * chosen"). With `scaleBy` the quantity is multiplied by value × factor of a numeric group
 * (width in cm × 0.02 m of gasket per cm), then rounded up to a multiple of `roundUpTo`.
 */
export const BomLineSchema = z.strictObject({
  partNumber: PartNumberSchema,
  quantity: z.number().finite().positive().max(100_000),
  when: ConditionSchema.optional(),
  scaleBy: z
    .strictObject({
      group: CodeSchema,
      factor: z.number().finite().positive(),
      roundUpTo: z.number().finite().positive().optional(),
    })
    .optional(),
});
export type BomLine = z.infer<typeof BomLineSchema>;
