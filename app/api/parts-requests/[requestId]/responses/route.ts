import { z } from "zod";
import { IdSchema } from "@/lib/core/accounts/account-schemas";
import { SupplierResponseSchema } from "@/lib/core/sourcing/parts-request-state";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute, readJson } from "@/lib/server/http/api-route";
import { respondToPartsRequest } from "@/lib/server/suppliers/respond-to-parts-request";

const AnswerSchema = z.intersection(SupplierResponseSchema, z.object({ version: z.number().int().positive().optional() }));

type Context = { params: Promise<{ requestId: string }> };

export const POST = apiRoute(async (request: Request, { params }: Context) => {
  const actor = await loadActorFromHeaders(request.headers);
  const requestId = parseInput(IdSchema, (await params).requestId);
  const answer = parseInput(AnswerSchema, await readJson(request));
  return Response.json(await respondToPartsRequest(actor, { ...answer, requestId }));
});
