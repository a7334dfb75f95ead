import { MarkLineDownSchema } from "@/lib/core/planning/planning-schemas";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute, readJson } from "@/lib/server/http/api-route";
import { clientAddress } from "@/lib/server/http/client-address";
import { markLineDown } from "@/lib/server/planning/mark-line-down";

type Context = { params: Promise<{ lineId: string }> };

export const POST = apiRoute(async (request: Request, { params }: Context) => {
  const actor = await loadActorFromHeaders(request.headers);
  const body = (await readJson(request)) as Record<string, unknown>;
  const input = parseInput(MarkLineDownSchema, { ...body, lineId: (await params).lineId });
  return Response.json(await markLineDown(actor, input, clientAddress(request.headers)));
});
