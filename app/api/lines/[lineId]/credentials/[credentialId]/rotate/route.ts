import { IdSchema } from "@/lib/core/accounts/account-schemas";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute, readJson } from "@/lib/server/http/api-route";
import { clientAddress } from "@/lib/server/http/client-address";
import { RotateLineCredentialSchema } from "@/lib/server/lines/line-credential-schemas";
import { rotateLineCredential } from "@/lib/server/lines/rotate-line-credential";

type Context = { params: Promise<{ lineId: string; credentialId: string }> };

/** A new token now; the old one works until the grace period ends. */
export const POST = apiRoute(async (request: Request, { params }: Context) => {
  const actor = await loadActorFromHeaders(request.headers);
  const { lineId, credentialId } = await params;
  const input = parseInput(RotateLineCredentialSchema, await readJson(request));
  const rotated = await rotateLineCredential(actor, parseInput(IdSchema, lineId), parseInput(IdSchema, credentialId), input, clientAddress(request.headers));
  return Response.json(rotated, { status: 201, headers: { "cache-control": "no-store" } });
});
