import { z } from "zod";
import { CodeSchema } from "./code-schema";

/** "door is french" — the group's selection contains this option. */
export const IsConditionSchema = z.strictObject({ group: CodeSchema, is: CodeSchema });
/** "door is one of …" (multi: at least one of them is picked). */
export const InConditionSchema = z.strictObject({ group: CodeSchema, in: z.array(CodeSchema).min(1).max(64) });
/** "door is none of …" (an empty group counts as none of them). */
export const NotInConditionSchema = z.strictObject({ group: CodeSchema, notIn: z.array(CodeSchema).min(1).max(64) });

export const ComparisonOperatorSchema = z.enum(["<", "<=", ">", ">=", "=", "!="]);
export type ComparisonOperator = z.infer<typeof ComparisonOperatorSchema>;

/** "width > 90": false while the numeric group has no value. */
export const CompareConditionSchema = z.strictObject({
  group: CodeSchema,
  op: ComparisonOperatorSchema,
  value: z.number().finite(),
});
/** "engraving is filled in" / "engraving is empty". */
export const FilledConditionSchema = z.strictObject({ group: CodeSchema, filled: z.boolean() });

export const ConditionSchema = z.union([
  IsConditionSchema,
  InConditionSchema,
  NotInConditionSchema,
  CompareConditionSchema,
  FilledConditionSchema,
]);
export type Condition = z.infer<typeof ConditionSchema>;

/** All conditions must hold (an empty list always holds). */
export const ConditionListSchema = z.array(ConditionSchema).max(16);
