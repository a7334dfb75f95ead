import { StartSchedulerRunSchema } from "@/lib/core/planning/planning-schemas";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute, readJson } from "@/lib/server/http/api-route";
import { runScheduler } from "@/lib/server/planning/run-scheduler";

/** 202: the run continues in a worker; progress and the proposal arrive over the board's live room. */
export const POST = apiRoute(async (request: Request) => {
  const actor = await loadActorFromHeaders(request.headers);
  const input = parseInput(StartSchedulerRunSchema, await readJson(request));
  return Response.json(await runScheduler(actor, input), { status: 202 });
});
