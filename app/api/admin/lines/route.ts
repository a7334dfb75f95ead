import { CreateLineSchema } from "@/lib/core/lines/line-settings-schema";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute, readJson } from "@/lib/server/http/api-route";
import { clientAddress } from "@/lib/server/http/client-address";
import { createLine } from "@/lib/server/lines-admin/create-line";
import { listLineSettings } from "@/lib/server/lines-admin/list-line-settings";

/** The factory's lines with their settings and next shifts (planners and admins). */
export const GET = apiRoute(async (request: Request) => {
  const actor = await loadActorFromHeaders(request.headers);
  return Response.json(await listLineSettings(actor));
});

/** A new line (admins). */
export const POST = apiRoute(async (request: Request) => {
  const actor = await loadActorFromHeaders(request.headers);
  const input = parseInput(CreateLineSchema, await readJson(request));
  return Response.json(await createLine(actor, input, clientAddress(request.headers)), { status: 201 });
});
