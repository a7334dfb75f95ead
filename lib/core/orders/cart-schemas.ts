import { z } from "zod";
import { ConfigurationSchema } from "../configurator/configuration";

export const AddToCartSchema = z.object({
  productId: z.string().min(1, "Missing product.").max(64),
  configuration: ConfigurationSchema,
  quantity: z.number({ error: "Quantity must be a number." }).int("Quantity must be a whole number.").min(1, "Add at least 1.").max(20, "At most 20 at a time."),
  /** The line total the consumer saw; a mismatch means a stale or tampered page. */
  quotedTotal: z.number().int().nonnegative().optional(),
});
export type AddToCart = z.infer<typeof AddToCartSchema>;

export const UpdateCartItemSchema = z.object({
  quantity: z.number({ error: "Quantity must be a number." }).int("Quantity must be a whole number.").min(1, "At least 1.").max(20, "At most 20."),
});
