import { PartsRequestFilterSchema } from "@/lib/core/sourcing/parts-request-filter";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute } from "@/lib/server/http/api-route";
import { searchParamsOf } from "@/lib/server/http/search-params";
import { listPartsRequestsForSupplier } from "@/lib/server/suppliers/list-parts-requests-for-supplier";

export const GET = apiRoute(async (request: Request) => {
  const actor = await loadActorFromHeaders(request.headers);
  const filter = parseInput(PartsRequestFilterSchema, searchParamsOf(request));
  return Response.json(await listPartsRequestsForSupplier(actor, filter));
});
