import { BulkConfirmSchema } from "@/lib/core/sourcing/parts-request-filter";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute, readJson } from "@/lib/server/http/api-route";
import { bulkConfirmPartsRequests } from "@/lib/server/suppliers/bulk-confirm-parts-requests";

export const POST = apiRoute(async (request: Request) => {
  const actor = await loadActorFromHeaders(request.headers);
  const input = parseInput(BulkConfirmSchema, await readJson(request));
  return Response.json(await bulkConfirmPartsRequests(actor, input));
});
