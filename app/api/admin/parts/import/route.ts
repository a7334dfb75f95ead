import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { apiRoute, readText } from "@/lib/server/http/api-route";
import { clientAddress } from "@/lib/server/http/client-address";
import { importPartsCsv } from "@/lib/server/parts/parts-csv";

/** The body is the CSV file itself (text/csv). All rows or none; 422 lists every bad row. */
export const POST = apiRoute(async (request: Request) => {
  const actor = await loadActorFromHeaders(request.headers);
  return Response.json(await importPartsCsv(actor, await readText(request), clientAddress(request.headers)));
});
