import { IdSchema } from "@/lib/core/accounts/account-schemas";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute } from "@/lib/server/http/api-route";
import { clientAddress } from "@/lib/server/http/client-address";
import { removeCalendarException } from "@/lib/server/lines-admin/remove-calendar-exception";

type Context = { params: Promise<{ lineId: string; exceptionId: string }> };

export const DELETE = apiRoute(async (request: Request, { params }: Context) => {
  const actor = await loadActorFromHeaders(request.headers);
  const { lineId, exceptionId } = await params;
  await removeCalendarException(actor, parseInput(IdSchema, lineId), parseInput(IdSchema, exceptionId), clientAddress(request.headers));
  return new Response(null, { status: 204 });
});
