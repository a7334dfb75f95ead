import { ProposalDecisionSchema } from "@/lib/core/planning/planning-schemas";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute, readJson } from "@/lib/server/http/api-route";
import { clientAddress } from "@/lib/server/http/client-address";
import { decideProposal } from "@/lib/server/planning/decide-proposal";

type Context = { params: Promise<{ planId: string }> };

export const POST = apiRoute(async (request: Request, { params }: Context) => {
  const actor = await loadActorFromHeaders(request.headers);
  const body = (await readJson(request)) as Record<string, unknown>;
  const input = parseInput(ProposalDecisionSchema, { ...body, planId: (await params).planId });
  return Response.json(await decideProposal(actor, input, clientAddress(request.headers)));
});
