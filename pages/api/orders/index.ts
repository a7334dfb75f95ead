import { PlaceOrderSchema } from "@/lib/core/orders/place-order-schema";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { nodeApiRoute } from "@/lib/server/http/node-api-route";
import { listOwnOrders } from "@/lib/server/orders/list-own-orders";
import { placeOrder } from "@/lib/server/orders/place-order";

/**
 * /api/orders is a Pages Router API route, not an App Router route handler: placing an order is
 * the platform's hottest write, and the App Router's web-stream wrapping cost about a
 * millisecond of the main thread per request (docs/decisions/0013).
 */
export const config = { api: { bodyParser: false } };

export default nodeApiRoute({
  async GET(request) {
    const actor = await loadActorFromHeaders(request.headers);
    return { status: 200, body: { orders: await listOwnOrders(actor) } };
  },
  /** 201 with the new order; 200 with the same order when the idempotency key was seen before. */
  async POST(request) {
    const actor = await loadActorFromHeaders(request.headers);
    const input = parseInput(PlaceOrderSchema, await request.json());
    const { order, replayed } = await placeOrder(actor, input);
    return { status: replayed ? 200 : 201, body: { order, replayed } };
  },
});
