import { IdSchema } from "@/lib/core/accounts/account-schemas";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute, readJson } from "@/lib/server/http/api-route";
import { clientAddress } from "@/lib/server/http/client-address";
import { createLineCredential } from "@/lib/server/lines/create-line-credential";
import { CreateLineCredentialSchema } from "@/lib/server/lines/line-credential-schemas";
import { listLineCredentials } from "@/lib/server/lines/list-line-credentials";

type Context = { params: Promise<{ lineId: string }> };

export const GET = apiRoute(async (request: Request, { params }: Context) => {
  const actor = await loadActorFromHeaders(request.headers);
  const lineId = parseInput(IdSchema, (await params).lineId);
  return Response.json(await listLineCredentials(actor, lineId));
});

/** Issues a credential; the token is in this response and nowhere else, ever. */
export const POST = apiRoute(async (request: Request, { params }: Context) => {
  const actor = await loadActorFromHeaders(request.headers);
  const lineId = parseInput(IdSchema, (await params).lineId);
  const input = parseInput(CreateLineCredentialSchema, await readJson(request));
  const issued = await createLineCredential(actor, lineId, input, clientAddress(request.headers));
  return Response.json(issued, { status: 201, headers: { "cache-control": "no-store" } });
});
