import { IdSchema } from "@/lib/core/accounts/account-schemas";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute, readJson } from "@/lib/server/http/api-route";
import { clientAddress } from "@/lib/server/http/client-address";
import { saveProductDraft } from "@/lib/server/products/save-product-draft";
import { SaveProductDraftSchema } from "@/lib/server/products/save-product-draft.schema";

type Context = { params: Promise<{ productId: string }> };

/** The whole draft document, or one section of it; 409 on a stale revision, 422 naming the path. */
export const PUT = apiRoute(async (request: Request, { params }: Context) => {
  const actor = await loadActorFromHeaders(request.headers);
  const productId = parseInput(IdSchema, (await params).productId);
  const input = parseInput(SaveProductDraftSchema, await readJson(request));
  return Response.json(await saveProductDraft(actor, productId, input, clientAddress(request.headers)));
});
