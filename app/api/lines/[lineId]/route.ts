import { IdSchema } from "@/lib/core/accounts/account-schemas";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute } from "@/lib/server/http/api-route";
import { getLineDetail } from "@/lib/server/lines/get-line-detail";

type Context = { params: Promise<{ lineId: string }> };

export const GET = apiRoute(async (request: Request, { params }: Context) => {
  const actor = await loadActorFromHeaders(request.headers);
  const lineId = parseInput(IdSchema, (await params).lineId);
  return Response.json(await getLineDetail(actor, lineId));
});
