import { z } from "zod";
import { CodeSchema } from "../configurator/definition/code-schema";
import { TimeZoneSchema } from "./time-zone";

const Id = z.string().min(1, "Missing id.").max(64).regex(/^[A-Za-z0-9_-]+$/, "Not a valid id.");

/** What the line shows on the board and the agent's handshake logs: "NK-F1". */
export const LineCodeSchema = z
  .string({ error: "Give the line a code." })
  .trim()
  .min(1, "Give the line a code.")
  .max(32, "Line codes are at most 32 characters.")
  .regex(/^[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*$/, "Use letters and digits, with single - _ or . between them (for example NK-F1).");

export const LineNameSchema = z.string({ error: "Give the line a name." }).trim().min(1, "Give the line a name.").max(120, "At most 120 characters.");

/** The same codes a product's routing requires (`sheet-metal`), so a line and a job can be matched. */
export const LineCapabilitiesSchema = z
  .array(CodeSchema, { error: "List the line's capabilities." })
  .max(40, "At most 40 capabilities.")
  .refine((capabilities) => new Set(capabilities).size === capabilities.length, "List each capability once.");

/**
 * A multiplier on the routing's minutes at speed 1 (processing = ceil(minutes / speed)). At most
 * three decimals: the scheduler divides on the decimal digits exactly (ADR 0002).
 */
export const LineSpeedSchema = z
  .number({ error: "Speed is a number, such as 1 or 1.25." })
  .finite("Speed is a number, such as 1 or 1.25.")
  .positive("Speed must be more than 0.")
  .max(100, "At most 100.")
  .refine((speed) => Math.abs(speed * 1000 - Math.round(speed * 1000)) < 1e-6, "At most three decimals.");

export const LineSettingsSchema = z.object({
  code: LineCodeSchema,
  name: LineNameSchema,
  capabilities: LineCapabilitiesSchema,
  speed: LineSpeedSchema,
  timeZone: TimeZoneSchema,
});
export type LineSettings = z.infer<typeof LineSettingsSchema>;
export type LineSettingsInput = z.input<typeof LineSettingsSchema>;

/** The version of the line the editor read: a line someone else changed meanwhile is a 409. */
export const LineVersionSchema = z.number({ error: "Send the version you edited." }).int().positive();

export const UpdateLineSettingsSchema = LineSettingsSchema.extend({ version: LineVersionSchema });
export type UpdateLineSettings = z.infer<typeof UpdateLineSettingsSchema>;

export const CreateLineSchema = LineSettingsSchema.extend({
  /** Start with the weekly shifts of this line of the same factory (a new line usually works the same hours). */
  copyShiftsFrom: Id.nullish(),
});
export type CreateLine = z.infer<typeof CreateLineSchema>;

/** "sheet-metal, foaming" → ["sheet-metal", "foaming"], for a text field. */
export function splitCapabilities(text: string): string[] {
  return text.split(/[\s,]+/).filter((capability) => capability !== "");
}
