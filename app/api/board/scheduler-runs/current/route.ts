import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { apiRoute } from "@/lib/server/http/api-route";
import { stopScheduler } from "@/lib/server/planning/run-scheduler";

/** Stop: the run ends now and keeps its best plan as the proposal. */
export const DELETE = apiRoute(async (request: Request) => {
  const actor = await loadActorFromHeaders(request.headers);
  return Response.json(await stopScheduler(actor));
});
