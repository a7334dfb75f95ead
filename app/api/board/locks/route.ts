import { LockJobSchema } from "@/lib/core/planning/planning-schemas";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute, readJson } from "@/lib/server/http/api-route";
import { setJobLock } from "@/lib/server/planning/set-job-lock";

export const POST = apiRoute(async (request: Request) => {
  const actor = await loadActorFromHeaders(request.headers);
  const input = parseInput(LockJobSchema, await readJson(request));
  return Response.json(await setJobLock(actor, input));
});
