import { z } from "zod";
import { ConfigurationSchema, type Configuration } from "./configuration";
import { evaluate, MAX_QUANTITY, type Evaluation } from "./evaluate";
import type { ProductDefinition } from "./product-definition";

/**
 * What a client sends to price or order a configuration (URL, API, form). The client's price is
 * only ever compared, never used: the server's evaluation is the price.
 */
export const ConfigurationRequestSchema = z.strictObject({
  configuration: ConfigurationSchema,
  quantity: z.number().int().min(1).max(MAX_QUANTITY).default(1),
  /** The total the client displayed, in minor units; a mismatch means a stale or tampered page. */
  quotedTotal: z.number().int().min(0).optional(),
});
export type ConfigurationRequest = z.infer<typeof ConfigurationRequestSchema>;

export interface RequestIssue {
  /** Dotted path of the offending field: "configuration.width", "quantity", "quotedTotal". */
  field: string;
  code: string;
  message: string;
}

export type CheckedConfigurationRequest =
  | { ok: true; configuration: Configuration; quantity: number; evaluation: Evaluation }
  | { ok: false; status: 400; issues: RequestIssue[] };

/**
 * The gate for configurations from outside: the shape (zod), then the product's own checks
 * (unknown groups and options, numbers off range or grid, characters that cannot be made,
 * incomplete or rule-breaking choices), then the quoted price. Pure: it decides, the caller
 * writes nothing when it says no.
 */
export function checkConfigurationRequest(product: ProductDefinition, input: unknown): CheckedConfigurationRequest {
  const parsed = ConfigurationRequestSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      status: 400,
      issues: parsed.error.issues.map((issue) => ({
        field: issue.path.map(String).join(".") || "(body)",
        code: issue.code.toUpperCase(),
        message: issue.message,
      })),
    };
  }
  const { configuration, quantity, quotedTotal } = parsed.data;
  const evaluation = evaluate(product, configuration, { quantity });
  const issues: RequestIssue[] = evaluation.errors.map((error) => ({
    field: `configuration.${error.group}`,
    code: error.code,
    message: error.message,
  }));
  if (quotedTotal !== undefined && quotedTotal !== evaluation.price.total) {
    issues.push({ field: "quotedTotal", code: "PRICE_MISMATCH", message: "The price has changed; please review the new total." });
  }
  if (issues.length > 0) return { ok: false, status: 400, issues };
  return { ok: true, configuration, quantity, evaluation };
}
