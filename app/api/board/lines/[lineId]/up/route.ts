import { IdSchema } from "@/lib/core/accounts/account-schemas";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute } from "@/lib/server/http/api-route";
import { clientAddress } from "@/lib/server/http/client-address";
import { markLineUp } from "@/lib/server/planning/mark-line-up";

type Context = { params: Promise<{ lineId: string }> };

export const POST = apiRoute(async (request: Request, { params }: Context) => {
  const actor = await loadActorFromHeaders(request.headers);
  const lineId = parseInput(IdSchema, (await params).lineId);
  return Response.json(await markLineUp(actor, lineId, clientAddress(request.headers)));
});
