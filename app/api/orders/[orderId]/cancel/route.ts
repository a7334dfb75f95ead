import { IdSchema } from "@/lib/core/accounts/account-schemas";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute } from "@/lib/server/http/api-route";
import { cancelOrder } from "@/lib/server/orders/cancel-order";

type Context = { params: Promise<{ orderId: string }> };

export const POST = apiRoute(async (request: Request, { params }: Context) => {
  const actor = await loadActorFromHeaders(request.headers);
  const orderId = parseInput(IdSchema, (await params).orderId);
  return Response.json(await cancelOrder(actor, orderId));
});
