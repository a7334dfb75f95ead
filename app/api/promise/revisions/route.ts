import { ConfirmRevisedDatesSchema } from "@/lib/core/promise/promise-schemas";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute, readJson } from "@/lib/server/http/api-route";
import { confirmRevisedDates } from "@/lib/server/promise/confirm-revised-dates";
import { listRevisedDates } from "@/lib/server/promise/list-revised-dates";

/** Orders whose date a disruption broke, with the date the repaired plan can keep. */
export const GET = apiRoute(async (request: Request) => {
  const actor = await loadActorFromHeaders(request.headers);
  return Response.json(await listRevisedDates(actor));
});

/** The planner confirms revised dates: the consumers see them, with their cause. */
export const POST = apiRoute(async (request: Request) => {
  const actor = await loadActorFromHeaders(request.headers);
  const input = parseInput(ConfirmRevisedDatesSchema, await readJson(request));
  return Response.json(await confirmRevisedDates(actor, input));
});
