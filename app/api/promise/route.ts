import { QuoteDeliverySchema } from "@/lib/core/promise/promise-schemas";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute, readJson } from "@/lib/server/http/api-route";
import { quoteDelivery } from "@/lib/server/promise/quote-delivery";

/** The configurator's delivery promise: a date from the factory's plan, held for a while. */
export const POST = apiRoute(async (request: Request) => {
  const actor = await loadActorFromHeaders(request.headers);
  const input = parseInput(QuoteDeliverySchema, await readJson(request));
  return Response.json({ promise: await quoteDelivery(actor, input) });
});
