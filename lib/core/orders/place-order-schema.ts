import { z } from "zod";
import { ConfigurationSchema } from "../configurator/configuration";

/** Client-chosen, unique per order attempt; a retry sends the same key. */
export const IdempotencyKeySchema = z
  .string({ error: "Send an idempotency key." })
  .min(16, "The idempotency key must be at least 16 characters.")
  .max(100, "The idempotency key must be at most 100 characters.")
  .regex(/^[A-Za-z0-9_-]+$/, "The idempotency key may use letters, digits, - and _ only.");

const text = (label: string, max: number) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, `Enter the ${label}.`)
    .max(max, `The ${label} is at most ${max} characters.`)
    .refine((value) => !/[<>\u0000-\u001f]/.test(value), `The ${label} may not contain < > or control characters.`);

export const ShippingAddressSchema = z.object({
  name: text("recipient's name", 100),
  line1: text("street address", 200),
  line2: z.string().trim().max(200, "At most 200 characters.").optional().default(""),
  postalCode: z.string().trim().regex(/^[A-Za-z0-9 -]{2,12}$/, "Enter a postal code (letters, digits, spaces, -)."),
  city: text("city", 100),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, "Use a two-letter country code, e.g. SE."),
});
export type ShippingAddress = z.infer<typeof ShippingAddressSchema>;

export const ContactSchema = z.object({
  email: z.email({ error: "Enter a valid email address." }).max(254),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,20}$/, "Enter a phone number (digits, spaces, + ( ) -).")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export type Contact = z.infer<typeof ContactSchema>;

export const OrderItemInputSchema = z.object({
  productId: z.string().min(1, "Missing product.").max(64),
  configuration: ConfigurationSchema,
  quantity: z.number({ error: "Quantity must be a number." }).int("Quantity must be a whole number.").min(1, "Order at least 1.").max(20, "At most 20 per item."),
  /** The line total the consumer saw, in minor units. Never used: a mismatch is refused. */
  quotedTotal: z.number().int().nonnegative().optional(),
});
export type OrderItemInput = z.infer<typeof OrderItemInputSchema>;

export const PlaceOrderSchema = z.object({
  idempotencyKey: IdempotencyKeySchema,
  items: z.array(OrderItemInputSchema).min(1, "The order has no items.").max(20, "At most 20 items per order."),
  shippingAddress: ShippingAddressSchema,
  contact: ContactSchema,
});
export type PlaceOrder = z.infer<typeof PlaceOrderSchema>;
