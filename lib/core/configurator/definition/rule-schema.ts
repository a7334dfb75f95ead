import { z } from "zod";
import { CodeSchema, MessageSchema } from "./code-schema";
import { ComparisonOperatorSchema, ConditionListSchema, ConditionSchema } from "./condition-schema";

const ruleBase = {
  id: CodeSchema,
  /** Shown to the consumer next to whatever the rule blocks or changes. */
  message: MessageSchema,
};

/** When `when` holds, `require` must hold too ("the ice maker needs the water connection"). */
export const RequiresRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal("requires"),
  when: ConditionSchema,
  require: ConditionSchema,
});

/** The two conditions never hold together ("no engraving on a glass door"). */
export const ExcludesRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal("excludes"),
  between: z.tuple([ConditionSchema, ConditionSchema]),
});

/** When `when` holds, only `only` may be chosen in `group`; leaving the group empty is fine. */
export const AvailabilityRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal("availability"),
  when: ConditionListSchema.min(1),
  group: CodeSchema,
  only: z.array(CodeSchema).max(200),
});

/** When `when` holds and the numeric group has a value, it must satisfy `op value`. */
export const NumericRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal("numeric"),
  when: ConditionListSchema.default([]),
  group: CodeSchema,
  op: ComparisonOperatorSchema,
  value: z.number().finite(),
});

/**
 * When `when` holds, `group` takes `value` (a multi group: the option is added). Values that
 * came from defaults are replaced automatically; a customer's own different choice is a conflict.
 */
export const SetRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal("set"),
  when: ConditionListSchema.min(1),
  group: CodeSchema,
  value: z.union([z.string().max(500), z.number().finite()]),
});

export const RuleSchema = z.discriminatedUnion("kind", [
  RequiresRuleSchema,
  ExcludesRuleSchema,
  AvailabilityRuleSchema,
  NumericRuleSchema,
  SetRuleSchema,
]);
export type Rule = z.infer<typeof RuleSchema>;
export type RuleKind = Rule["kind"];
