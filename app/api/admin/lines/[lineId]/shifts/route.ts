import { IdSchema } from "@/lib/core/accounts/account-schemas";
import { ReplaceLineShiftsSchema } from "@/lib/core/lines/weekly-shifts";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute, readJson } from "@/lib/server/http/api-route";
import { clientAddress } from "@/lib/server/http/client-address";
import { replaceLineShifts } from "@/lib/server/lines-admin/replace-line-shifts";

type Context = { params: Promise<{ lineId: string }> };

/** Replaces the line's weekly shifts; 422 names an overlap, 409 LINE_CHANGED on a stale version. */
export const PUT = apiRoute(async (request: Request, { params }: Context) => {
  const actor = await loadActorFromHeaders(request.headers);
  const lineId = parseInput(IdSchema, (await params).lineId);
  const input = parseInput(ReplaceLineShiftsSchema, await readJson(request));
  return Response.json(await replaceLineShifts(actor, lineId, input, clientAddress(request.headers)));
});
