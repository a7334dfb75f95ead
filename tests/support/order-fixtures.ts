import { randomUUID } from "node:crypto";
import { evaluate } from "@/lib/core/configurator/evaluate";
import { refrigerator, washingMachine } from "@/lib/core/configurator/examples";
import type { PlaceOrder } from "@/lib/core/orders/place-order-schema";
import { db } from "@/lib/server/db";

/** A complete, valid configuration: the product's defaults as the configurator fills them. */
export function defaultConfiguration(product: typeof refrigerator) {
  return evaluate(product, {}).configuration;
}

export async function organizationBySlug(slug: string) {
  return db.organization.findUniqueOrThrow({ where: { slug } });
}

/** A checkout body for the demo fridge and washer (both of the appliance manufacturer). */
export function applianceOrder(overrides: Partial<PlaceOrder> = {}): PlaceOrder {
  return {
    idempotencyKey: `test-${randomUUID()}`,
    items: [
      { productId: refrigerator.id, configuration: defaultConfiguration(refrigerator), quantity: 2 },
      { productId: washingMachine.id, configuration: defaultConfiguration(washingMachine), quantity: 1 },
    ],
    shippingAddress: { name: "Clara Consumer", line1: "Storgatan 1", line2: "", postalCode: "111 22", city: "Stockholm", country: "SE" },
    contact: { email: "clara@example.test", phone: "+46 8 123 456" },
    ...overrides,
  };
}
