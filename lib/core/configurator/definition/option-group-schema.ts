import { z } from "zod";
import { CodeSchema, LabelSchema, MinorUnitsSchema } from "./code-schema";

const HexColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, "a colour is #rrggbb");

/** What the preview draws for an option: a colour, a style key of the renderer, a pattern. */
export const PreviewAttributesSchema = z.strictObject({
  color: HexColorSchema.optional(),
  style: CodeSchema.optional(),
  pattern: CodeSchema.optional(),
});

export const OptionSchema = z.strictObject({
  code: CodeSchema,
  label: LabelSchema,
  description: z.string().max(500).optional(),
  /** Added to the unit price; may be negative (a cheaper material). */
  priceDelta: MinorUnitsSchema.default(0),
  /** Calendar days this option adds to (or, negative, saves from) the waiting time. */
  leadTimeDays: z.number().int().min(-60).max(365).default(0),
  default: z.boolean().default(false),
  preview: PreviewAttributesSchema.optional(),
  /** The variant this option contributes to the job family; the option code when absent. */
  familyVariant: CodeSchema.optional(),
});
export type Option = z.infer<typeof OptionSchema>;

const groupBase = {
  code: CodeSchema,
  label: LabelSchema,
  description: z.string().max(500).optional(),
  /** A required group must have a value for the configuration to be complete. */
  required: z.boolean().default(false),
};

export const SingleGroupSchema = z.strictObject({
  ...groupBase,
  kind: z.literal("single"),
  options: z.array(OptionSchema).min(1).max(200),
});

export const MultiGroupSchema = z.strictObject({
  ...groupBase,
  kind: z.literal("multi"),
  options: z.array(OptionSchema).min(1).max(200),
  minPicks: z.number().int().min(0).max(200).default(0),
  /** No limit when absent. */
  maxPicks: z.number().int().min(1).max(200).optional(),
});

export const NumericGroupSchema = z.strictObject({
  ...groupBase,
  kind: z.literal("numeric"),
  min: z.number().finite(),
  max: z.number().finite(),
  step: z.number().finite().positive(),
  unit: z.string().trim().min(1).max(16),
  default: z.number().finite().optional(),
});

export const TextGroupSchema = z.strictObject({
  ...groupBase,
  kind: z.literal("text"),
  maxLength: z.number().int().min(1).max(500),
  /** Every character a customer may type, spelled out (see CHARACTER_SETS). */
  allowedCharacters: z.string().min(1).max(1000),
  /** Monograms are stitched in capitals: "upper" converts as the customer types. */
  letterCase: z.enum(["as-typed", "upper"]).default("as-typed"),
  default: z.string().max(500).optional(),
});

export const OptionGroupSchema = z.discriminatedUnion("kind", [
  SingleGroupSchema,
  MultiGroupSchema,
  NumericGroupSchema,
  TextGroupSchema,
]);
export type OptionGroup = z.infer<typeof OptionGroupSchema>;
export type SingleGroup = z.infer<typeof SingleGroupSchema>;
export type MultiGroup = z.infer<typeof MultiGroupSchema>;
export type NumericGroup = z.infer<typeof NumericGroupSchema>;
export type TextGroup = z.infer<typeof TextGroupSchema>;

/** Character sets to spell out allowedCharacters without typos. */
export const CHARACTER_SETS = {
  upperLatin: "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  lowerLatin: "abcdefghijklmnopqrstuvwxyz",
  digits: "0123456789",
  space: " ",
  monogramPunctuation: ".&-",
} as const;
