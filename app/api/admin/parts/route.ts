import { PartInputSchema } from "@/lib/core/parts/part-schemas";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute, readJson } from "@/lib/server/http/api-route";
import { clientAddress } from "@/lib/server/http/client-address";
import { listParts } from "@/lib/server/parts/list-parts";
import { saveParts } from "@/lib/server/parts/save-parts";

export const GET = apiRoute(async (request: Request) => {
  const actor = await loadActorFromHeaders(request.headers);
  return Response.json({ parts: await listParts(actor) });
});

export const POST = apiRoute(async (request: Request) => {
  const actor = await loadActorFromHeaders(request.headers);
  const part = parseInput(PartInputSchema, await readJson(request));
  return Response.json(await saveParts(actor, [part], clientAddress(request.headers)));
});
