import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { apiRoute } from "@/lib/server/http/api-route";
import { exportSupplierOffersCsv } from "@/lib/server/parts/parts-csv";

export const GET = apiRoute(async (request: Request) => {
  const actor = await loadActorFromHeaders(request.headers);
  return new Response(await exportSupplierOffersCsv(actor), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="supplier-offers.csv"' },
  });
});
