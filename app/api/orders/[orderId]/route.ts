import { IdSchema } from "@/lib/core/accounts/account-schemas";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute } from "@/lib/server/http/api-route";
import { getOrder } from "@/lib/server/orders/get-order";

type Context = { params: Promise<{ orderId: string }> };

export const GET = apiRoute(async (request: Request, { params }: Context) => {
  const actor = await loadActorFromHeaders(request.headers);
  const orderId = parseInput(IdSchema, (await params).orderId);
  return Response.json({ order: await getOrder(actor, orderId) });
});
