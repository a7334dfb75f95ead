import { z } from "zod";
import { CodeSchema, LabelSchema, MinorUnitsSchema, PercentSchema } from "./code-schema";
import { ConditionListSchema } from "./condition-schema";

const priceRuleBase = { id: CodeSchema, label: LabelSchema };

/** A fixed amount per unit when the conditions hold ("engraving on steel +15.00"). */
export const SurchargeRuleSchema = z.strictObject({
  ...priceRuleBase,
  kind: z.literal("surcharge"),
  when: ConditionListSchema.min(1),
  amount: MinorUnitsSchema,
});

/** `amount` for every started `per` units of a numeric group above `above` ("per cm over 60"). */
export const PerUnitRuleSchema = z.strictObject({
  ...priceRuleBase,
  kind: z.literal("per-unit"),
  group: CodeSchema,
  above: z.number().finite(),
  per: z.number().finite().positive().default(1),
  amount: MinorUnitsSchema,
});

/** A percentage of the configured unit subtotal when the conditions hold (negative = discount). */
export const PercentageRuleSchema = z.strictObject({
  ...priceRuleBase,
  kind: z.literal("percentage"),
  when: ConditionListSchema.default([]),
  percent: PercentSchema,
});

/** Off the line total from a quantity on; the largest break reached applies. */
export const QuantityBreakRuleSchema = z.strictObject({
  ...priceRuleBase,
  kind: z.literal("quantity-break"),
  breaks: z
    .array(z.strictObject({ minQuantity: z.number().int().min(2), percentOff: PercentSchema.pipe(z.number().min(0).max(100)) }))
    .min(1)
    .max(20),
});

export const PriceRuleSchema = z.discriminatedUnion("kind", [
  SurchargeRuleSchema,
  PerUnitRuleSchema,
  PercentageRuleSchema,
  QuantityBreakRuleSchema,
]);
export type PriceRule = z.infer<typeof PriceRuleSchema>;
