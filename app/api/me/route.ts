import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { requireUser } from "@/lib/server/auth/authorize";
import { apiRoute } from "@/lib/server/http/api-route";

export const GET = apiRoute(async (request: Request) => {
  const actor = requireUser(await loadActorFromHeaders(request.headers));
  return Response.json({ actor });
});
