import { z } from "zod";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute } from "@/lib/server/http/api-route";
import { searchParamsOf } from "@/lib/server/http/search-params";
import { getBoard } from "@/lib/server/planning/get-board";

const BoardQuerySchema = z.object({ days: z.coerce.number().int().min(1).max(56).optional() });

export const GET = apiRoute(async (request: Request) => {
  const actor = await loadActorFromHeaders(request.headers);
  const query = parseInput(BoardQuerySchema, searchParamsOf(request));
  return Response.json(await getBoard(actor, query), { headers: { "cache-control": "no-store" } });
});
