import { IdSchema } from "@/lib/core/accounts/account-schemas";
import { CalendarExceptionSchema } from "@/lib/core/lines/calendar-exceptions";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute, readJson } from "@/lib/server/http/api-route";
import { clientAddress } from "@/lib/server/http/client-address";
import { addCalendarException } from "@/lib/server/lines-admin/add-calendar-exception";

type Context = { params: Promise<{ lineId: string }> };

/** Adds a holiday or maintenance window (planners, admins) or an extra shift (admins). */
export const POST = apiRoute(async (request: Request, { params }: Context) => {
  const actor = await loadActorFromHeaders(request.headers);
  const lineId = parseInput(IdSchema, (await params).lineId);
  const input = parseInput(CalendarExceptionSchema, await readJson(request));
  return Response.json(await addCalendarException(actor, lineId, input, clientAddress(request.headers)), { status: 201 });
});
