import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { apiRoute } from "@/lib/server/http/api-route";
import { listLinesLive } from "@/lib/server/lines/list-lines-live";

/** The board's live line states. */
export const GET = apiRoute(async (request: Request) => {
  const actor = await loadActorFromHeaders(request.headers);
  return Response.json(await listLinesLive(actor));
});
