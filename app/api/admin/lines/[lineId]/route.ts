import { IdSchema } from "@/lib/core/accounts/account-schemas";
import { UpdateLineSettingsSchema } from "@/lib/core/lines/line-settings-schema";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute, readJson } from "@/lib/server/http/api-route";
import { clientAddress } from "@/lib/server/http/client-address";
import { deleteLine } from "@/lib/server/lines-admin/delete-line";
import { getLineSettings } from "@/lib/server/lines-admin/get-line-settings";
import { updateLineSettings } from "@/lib/server/lines-admin/update-line-settings";

type Context = { params: Promise<{ lineId: string }> };

/** The line's settings, weekly shifts, exceptions and two-week calendar preview. */
export const GET = apiRoute(async (request: Request, { params }: Context) => {
  const actor = await loadActorFromHeaders(request.headers);
  const lineId = parseInput(IdSchema, (await params).lineId);
  return Response.json(await getLineSettings(actor, lineId));
});

/** Saves the settings; 409 LINE_CHANGED when `version` is not the line's current one. */
export const PATCH = apiRoute(async (request: Request, { params }: Context) => {
  const actor = await loadActorFromHeaders(request.headers);
  const lineId = parseInput(IdSchema, (await params).lineId);
  const input = parseInput(UpdateLineSettingsSchema, await readJson(request));
  return Response.json(await updateLineSettings(actor, lineId, input, clientAddress(request.headers)));
});

/** Deletes the line; 409 while a job is planned on it. */
export const DELETE = apiRoute(async (request: Request, { params }: Context) => {
  const actor = await loadActorFromHeaders(request.headers);
  const lineId = parseInput(IdSchema, (await params).lineId);
  await deleteLine(actor, lineId, clientAddress(request.headers));
  return new Response(null, { status: 204 });
});
