import { z } from "zod";

/**
 * Codes are the stable keys of groups, options, rules and preview styles: they end up in URLs,
 * in order snapshots and as database row keys, so they stay lowercase ASCII with hyphens.
 */
export const CODE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const CodeSchema = z.string().min(1).max(64).regex(CODE_PATTERN, "use lowercase letters, digits and single hyphens");

/** Integer minor units (cents); never a float, so sums are exact and deterministic. */
export const MinorUnitsSchema = z.number().int().min(-1_000_000_000).max(1_000_000_000);

/** A percentage with at most two decimals, so it converts exactly to basis points. */
export const PercentSchema = z
  .number()
  .min(-100)
  .max(1000)
  .refine((value) => Number.isInteger(Math.round(value * 100)) && Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, {
    message: "at most two decimals",
  });

export const LabelSchema = z.string().trim().min(1).max(120);
export const MessageSchema = z.string().trim().min(1).max(300);
