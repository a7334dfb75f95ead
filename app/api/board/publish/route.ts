import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { apiRoute } from "@/lib/server/http/api-route";
import { clientAddress } from "@/lib/server/http/client-address";
import { publishPlan } from "@/lib/server/planning/publish-plan";

export const POST = apiRoute(async (request: Request) => {
  const actor = await loadActorFromHeaders(request.headers);
  return Response.json(await publishPlan(actor, clientAddress(request.headers)));
});
