import { IdSchema } from "@/lib/core/accounts/account-schemas";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute, readJson } from "@/lib/server/http/api-route";
import { clientAddress } from "@/lib/server/http/client-address";
import { SendLineCommandSchema } from "@/lib/server/lines/line-command-schemas";
import { sendLineCommand } from "@/lib/server/lines/send-line-command";

type Context = { params: Promise<{ lineId: string }> };

/** A planner's command to a line; answers with where it stands (accepted, rejected, timed out). */
export const POST = apiRoute(async (request: Request, { params }: Context) => {
  const actor = await loadActorFromHeaders(request.headers);
  const lineId = parseInput(IdSchema, (await params).lineId);
  const input = parseInput(SendLineCommandSchema, await readJson(request));
  const command = await sendLineCommand(actor, lineId, input, clientAddress(request.headers));
  return Response.json({ command }, { status: 202 });
});
