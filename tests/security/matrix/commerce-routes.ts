import { refrigerator } from "@/lib/core/configurator/examples";
import { applianceOrder, defaultConfiguration } from "../../support/order-fixtures";
import { CART_ITEM_OF_CONSUMER, CONSUMERS, ORDER_CANCEL, ORDER_READ, PARTS_REQUEST_RESPOND, PUBLIC, SIGNED_IN, SUPPLIER_INBOX } from "./expectations";
import type { MatrixEntry } from "./matrix-types";

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const consumerAndFactoryA = ["consumer", "adminA", "plannerA"] as const;
const supplierAAndFactoryA = ["supplierA", "supplierAdminA", "adminA", "plannerA"] as const;

/** Consumers' carts and orders, suppliers' requests, and the routes anyone may call. */
export const COMMERCE_ROUTES: Record<string, MatrixEntry> = {
  "/api/health GET": { expect: PUBLIC, ok: [200], call: () => ({}) },
  "/api/me GET": { expect: SIGNED_IN, ok: [200], call: () => ({}) },
  // Auth.js's own endpoints: public by nature (what they answer depends only on the session).
  "/api/auth/[...nextauth] GET": { expect: PUBLIC, ok: [200], call: () => ({ params: { nextauth: ["session"] } }) },
  "/api/auth/[...nextauth] POST": {
    expect: PUBLIC,
    // Without Auth.js's double-submit CSRF token a sign-in never reaches the credentials check.
    ok: [302],
    call: () => ({ params: { nextauth: ["callback", "credentials"] }, text: "email=consumer%40tailorline.test&password=tailorline" }),
  },

  "/api/cart/items GET": { expect: CONSUMERS, ok: [200], call: () => ({}) },
  "/api/cart/items POST": {
    expect: CONSUMERS,
    ok: [201],
    call: () => ({ body: { productId: refrigerator.id, configuration: defaultConfiguration(refrigerator), quantity: 1 } }),
  },
  "/api/cart/items/[itemId] PATCH": {
    expect: CART_ITEM_OF_CONSUMER,
    ok: [204],
    call: async ({ fresh }) => ({ params: { itemId: (await fresh.cartItem()).id }, body: { quantity: 2 } }),
    missing: ({ fresh }) => ({ params: { itemId: fresh.missingId() }, body: { quantity: 2 } }),
    insiders: ["consumer"],
  },
  "/api/cart/items/[itemId] DELETE": {
    expect: CART_ITEM_OF_CONSUMER,
    ok: [204],
    call: async ({ fresh }) => ({ params: { itemId: (await fresh.cartItem()).id } }),
    missing: ({ fresh }) => ({ params: { itemId: fresh.missingId() } }),
    insiders: ["consumer"],
  },

  "/api/orders GET": { expect: CONSUMERS, ok: [200], call: () => ({}) },
  "/api/orders POST": { expect: CONSUMERS, ok: [201], call: () => ({ body: applianceOrder() }) },
  "/api/orders/[orderId] GET": {
    expect: ORDER_READ,
    ok: [200],
    call: ({ world }) => ({ params: { orderId: world.orderA.id } }),
    missing: ({ fresh }) => ({ params: { orderId: fresh.missingId() } }),
    insiders: [...consumerAndFactoryA],
  },
  "/api/orders/[orderId]/cancel POST": {
    expect: ORDER_CANCEL,
    ok: [200],
    call: async ({ fresh }) => ({ params: { orderId: (await fresh.order()).id } }),
    missing: ({ fresh }) => ({ params: { orderId: fresh.missingId() } }),
    insiders: [...consumerAndFactoryA],
  },

  "/api/parts-requests/[requestId]/responses POST": {
    expect: PARTS_REQUEST_RESPOND,
    ok: [200],
    call: async ({ fresh }) => ({ params: { requestId: (await fresh.partsRequest()).id }, body: { action: "confirm", promisedDate: inDays(10) } }),
    missing: ({ fresh }) => ({ params: { requestId: fresh.missingId() }, body: { action: "confirm", promisedDate: inDays(10) } }),
    insiders: [...supplierAAndFactoryA],
    notAudited: "a supplier's answer is the request's own record (status, version) and the order's timeline",
  },
  "/api/supplier/parts-requests GET": { expect: SUPPLIER_INBOX, ok: [200], call: () => ({}) },
  "/api/supplier/parts-requests/export.csv GET": { expect: SUPPLIER_INBOX, ok: [200], call: () => ({}) },
  // Every supplier may bulk-confirm; a request of another supplier is answered per row as not
  // found, exactly like a missing id (checked by the matrix test), and nothing is written.
  "/api/supplier/parts-requests/bulk-confirm POST": {
    expect: SUPPLIER_INBOX,
    ok: [200],
    call: async ({ fresh }) => ({ body: { requestIds: [(await fresh.partsRequest()).id], promisedDate: inDays(12) } }),
    notAudited: "a supplier's answers are the requests' own records (status, version) and the orders' timelines",
    verify: ({ actor }, body) => {
      const results = (body as { results?: Array<{ ok: boolean; code?: string; message?: string }> }).results ?? [];
      const own = actor === "supplierA" || actor === "supplierAdminA";
      if (own) return results.every((result) => result.ok) ? null : `own request not confirmed: ${JSON.stringify(results)}`;
      return results.every((result) => !result.ok && result.code === "PARTS_REQUEST_NOT_FOUND" && result.message === "Not found.")
        ? null
        : `another supplier's request is not answered as missing: ${JSON.stringify(results)}`;
    },
  },
};
