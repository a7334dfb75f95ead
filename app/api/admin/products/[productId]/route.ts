import { IdSchema } from "@/lib/core/accounts/account-schemas";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute } from "@/lib/server/http/api-route";
import { getProductDraft } from "@/lib/server/products/get-product-draft";

type Context = { params: Promise<{ productId: string }> };

export const GET = apiRoute(async (request: Request, { params }: Context) => {
  const actor = await loadActorFromHeaders(request.headers);
  const productId = parseInput(IdSchema, (await params).productId);
  return Response.json(await getProductDraft(actor, productId));
});
