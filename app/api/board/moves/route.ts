import { MoveJobSchema } from "@/lib/core/planning/planning-schemas";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute, readJson } from "@/lib/server/http/api-route";
import { moveJob } from "@/lib/server/planning/move-job";

export const POST = apiRoute(async (request: Request) => {
  const actor = await loadActorFromHeaders(request.headers);
  const input = parseInput(MoveJobSchema, await readJson(request));
  return Response.json(await moveJob(actor, input));
});
