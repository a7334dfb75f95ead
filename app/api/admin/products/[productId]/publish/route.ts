import { IdSchema } from "@/lib/core/accounts/account-schemas";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute, readJson } from "@/lib/server/http/api-route";
import { clientAddress } from "@/lib/server/http/client-address";
import { publishProduct } from "@/lib/server/products/publish-product";
import { PublishProductSchema } from "@/lib/server/products/publish-product.schema";

type Context = { params: Promise<{ productId: string }> };

/** 409 with the problems while the analysis finds any, or when the draft changed since `revision`. */
export const POST = apiRoute(async (request: Request, { params }: Context) => {
  const actor = await loadActorFromHeaders(request.headers);
  const productId = parseInput(IdSchema, (await params).productId);
  const input = parseInput(PublishProductSchema, await readJson(request));
  return Response.json(await publishProduct(actor, productId, input, clientAddress(request.headers)), { status: 201 });
});
