import { z } from "zod";
import { IdSchema } from "@/lib/core/accounts/account-schemas";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute } from "@/lib/server/http/api-route";
import { getLineOee } from "@/lib/server/lines/get-line-oee";

type Context = { params: Promise<{ lineId: string }> };
const QuerySchema = z.object({ days: z.coerce.number().int().min(1).max(14).default(3) });

export const GET = apiRoute(async (request: Request, { params }: Context) => {
  const actor = await loadActorFromHeaders(request.headers);
  const lineId = parseInput(IdSchema, (await params).lineId);
  const { days } = parseInput(QuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await getLineOee(actor, lineId, days));
});
