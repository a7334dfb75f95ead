import { z } from "zod";
import { ConfigurationSchema } from "../configurator/configuration";

/** What the configurator asks: a date for this configuration, quantity and destination. */
export const QuoteDeliverySchema = z.object({
  productId: z.string().min(1, "Missing product.").max(64),
  configuration: ConfigurationSchema,
  quantity: z.number({ error: "Quantity must be a number." }).int("Quantity must be a whole number.").min(1, "At least 1.").max(20, "At most 20."),
  /** ISO 3166 alpha-2; shipping days depend on it. */
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, "Use a two-letter country code, e.g. SE.").default("SE"),
  /** The quote this one replaces (the configurator's previous answer): its hold is released. */
  replaces: z.uuid().optional(),
});
export type QuoteDelivery = z.infer<typeof QuoteDeliverySchema>;

/** The planner confirms revised dates (the consumer sees them then). */
export const ConfirmRevisedDatesSchema = z.object({
  orderIds: z.array(z.uuid()).min(1, "Name at least one order.").max(500),
});
export type ConfirmRevisedDates = z.infer<typeof ConfirmRevisedDatesSchema>;

/** A delivery promise as the browser gets it. */
export type DeliveryPromiseView =
  | {
      kind: "capable-to-promise" | "fixed-lead-time" | "estimate";
      /** "YYYY-MM-DD" */
      arrivalDate: string;
      /** The probability the date is kept, and what history says of it. */
      confidence: { level: number; coverage: number | null; samples: number; source: "history" | "prior" | "blend" | "none" };
      basis: Array<{ stage: string; label: string }>;
      /** The capacity held for this date, until when (null: not held). */
      quoteId: string | null;
      heldUntil: string | null;
      express: boolean;
      destination: string;
    }
  | { kind: "unavailable"; message: string };
