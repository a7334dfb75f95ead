import { AddToCartSchema } from "@/lib/core/orders/cart-schemas";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { addToCart } from "@/lib/server/cart/add-to-cart";
import { listCart } from "@/lib/server/cart/list-cart";
import { parseInput } from "@/lib/server/errors";
import { apiRoute, readJson } from "@/lib/server/http/api-route";

export const GET = apiRoute(async (request: Request) => {
  const actor = await loadActorFromHeaders(request.headers);
  return Response.json({ items: await listCart(actor) });
});

export const POST = apiRoute(async (request: Request) => {
  const actor = await loadActorFromHeaders(request.headers);
  const input = parseInput(AddToCartSchema, await readJson(request));
  return Response.json({ item: await addToCart(actor, input) }, { status: 201 });
});
