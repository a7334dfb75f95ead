import { IdSchema } from "@/lib/core/accounts/account-schemas";
import { UpdateCartItemSchema } from "@/lib/core/orders/cart-schemas";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { removeCartItem, updateCartItemQuantity } from "@/lib/server/cart/change-cart-item";
import { parseInput } from "@/lib/server/errors";
import { apiRoute, readJson } from "@/lib/server/http/api-route";

type Context = { params: Promise<{ itemId: string }> };

export const PATCH = apiRoute(async (request: Request, { params }: Context) => {
  const actor = await loadActorFromHeaders(request.headers);
  const itemId = parseInput(IdSchema, (await params).itemId);
  const { quantity } = parseInput(UpdateCartItemSchema, await readJson(request));
  await updateCartItemQuantity(actor, itemId, quantity);
  return new Response(null, { status: 204 });
});

export const DELETE = apiRoute(async (request: Request, { params }: Context) => {
  const actor = await loadActorFromHeaders(request.headers);
  const itemId = parseInput(IdSchema, (await params).itemId);
  await removeCartItem(actor, itemId);
  return new Response(null, { status: 204 });
});
