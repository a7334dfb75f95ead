import { SupplierOfferInputSchema } from "@/lib/core/parts/part-schemas";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute, readJson } from "@/lib/server/http/api-route";
import { clientAddress } from "@/lib/server/http/client-address";
import { saveSupplierOffers } from "@/lib/server/parts/save-parts";

export const POST = apiRoute(async (request: Request) => {
  const actor = await loadActorFromHeaders(request.headers);
  const offer = parseInput(SupplierOfferInputSchema, await readJson(request));
  return Response.json(await saveSupplierOffers(actor, [offer], clientAddress(request.headers)));
});
