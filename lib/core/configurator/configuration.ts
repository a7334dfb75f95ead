import { z } from "zod";
import { CodeSchema } from "./definition/code-schema";

/**
 * A customer's choices: group code → option code (single), option codes (multi), a number
 * (numeric) or text. Key order is choice order — the last key is the most recent choice — which
 * is how a conflict knows which choices came earlier. Groups left out take their defaults.
 */
export const ChoiceValueSchema = z.union([
  z.string().max(500),
  z.array(CodeSchema).max(200),
  z.number().finite(),
]);
export type ChoiceValue = z.infer<typeof ChoiceValueSchema>;

export const MAX_CONFIGURATION_ENTRIES = 100;

export const ConfigurationSchema = z
  .record(CodeSchema, ChoiceValueSchema)
  .refine((configuration) => Object.keys(configuration).length <= MAX_CONFIGURATION_ENTRIES, {
    message: `at most ${MAX_CONFIGURATION_ENTRIES} choices`,
  });
export type Configuration = z.infer<typeof ConfigurationSchema>;

export { decodeConfiguration, encodeConfiguration } from "./configuration-url";
export type { DecodedConfiguration, DroppedEntry } from "./configuration-url";
