import { PlaceOrderSchema } from "@/lib/core/orders/place-order-schema";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute, readJson } from "@/lib/server/http/api-route";
import { listOwnOrders } from "@/lib/server/orders/list-own-orders";
import { placeOrder } from "@/lib/server/orders/place-order";

export const GET = apiRoute(async (request: Request) => {
  const actor = await loadActorFromHeaders(request.headers);
  return Response.json({ orders: await listOwnOrders(actor) });
});

/** 201 with the new order; 200 with the same order when the idempotency key was seen before. */
export const POST = apiRoute(async (request: Request) => {
  const actor = await loadActorFromHeaders(request.headers);
  const input = parseInput(PlaceOrderSchema, await readJson(request));
  const { order, replayed } = await placeOrder(actor, input);
  return Response.json({ order, replayed }, { status: replayed ? 200 : 201 });
});
