import { IdSchema } from "@/lib/core/accounts/account-schemas";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute, readJson } from "@/lib/server/http/api-route";
import { clientAddress } from "@/lib/server/http/client-address";
import { setProductArchived } from "@/lib/server/products/set-product-archived";
import { SetProductArchivedSchema } from "@/lib/server/products/set-product-archived.schema";

type Context = { params: Promise<{ productId: string }> };

export const PUT = apiRoute(async (request: Request, { params }: Context) => {
  const actor = await loadActorFromHeaders(request.headers);
  const productId = parseInput(IdSchema, (await params).productId);
  const input = parseInput(SetProductArchivedSchema, await readJson(request));
  return Response.json(await setProductArchived(actor, productId, input, clientAddress(request.headers)));
});
