import { PartsRequestFilterSchema } from "@/lib/core/sourcing/parts-request-filter";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute } from "@/lib/server/http/api-route";
import { searchParamsOf } from "@/lib/server/http/search-params";
import { exportPartsRequestsCsv } from "@/lib/server/suppliers/export-parts-requests-csv";

export const GET = apiRoute(async (request: Request) => {
  const actor = await loadActorFromHeaders(request.headers);
  const filter = parseInput(PartsRequestFilterSchema.omit({ cursor: true, limit: true }), searchParamsOf(request));
  const csv = await exportPartsRequestsCsv(actor, filter);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="parts-requests-${day}.csv"` },
  });
});
