import { IdSchema } from "@/lib/core/accounts/account-schemas";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute } from "@/lib/server/http/api-route";
import { clientAddress } from "@/lib/server/http/client-address";
import { revokeLineCredential } from "@/lib/server/lines/revoke-line-credential";

type Context = { params: Promise<{ lineId: string; credentialId: string }> };

/** Revokes a credential and disconnects the agent using it. */
export const POST = apiRoute(async (request: Request, { params }: Context) => {
  const actor = await loadActorFromHeaders(request.headers);
  const { lineId, credentialId } = await params;
  const revoked = await revokeLineCredential(actor, parseInput(IdSchema, lineId), parseInput(IdSchema, credentialId), clientAddress(request.headers));
  return Response.json({ credential: revoked });
});
