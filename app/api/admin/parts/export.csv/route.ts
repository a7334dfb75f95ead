import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { apiRoute } from "@/lib/server/http/api-route";
import { exportPartsCsv } from "@/lib/server/parts/parts-csv";

export const GET = apiRoute(async (request: Request) => {
  const actor = await loadActorFromHeaders(request.headers);
  return new Response(await exportPartsCsv(actor), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="parts.csv"' },
  });
});
