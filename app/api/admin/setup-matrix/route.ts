import { SaveSetupMatrixSchema } from "@/lib/core/lines/setup-matrix";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute, readJson } from "@/lib/server/http/api-route";
import { clientAddress } from "@/lib/server/http/client-address";
import { getSetupMatrix } from "@/lib/server/lines-admin/get-setup-matrix";
import { saveSetupMatrix } from "@/lib/server/lines-admin/save-setup-matrix";

/** The setup matrix, its default and the families in use (planners and admins). */
export const GET = apiRoute(async (request: Request) => {
  const actor = await loadActorFromHeaders(request.headers);
  return Response.json(await getSetupMatrix(actor));
});

/** Saves changed cells and the default (admins); 409 SETUP_MATRIX_CHANGED names cells changed meanwhile. */
export const PATCH = apiRoute(async (request: Request) => {
  const actor = await loadActorFromHeaders(request.headers);
  const input = parseInput(SaveSetupMatrixSchema, await readJson(request));
  const saved = await saveSetupMatrix(actor, input, clientAddress(request.headers));
  return Response.json({ upserted: saved.upserted, deleted: saved.deleted, ...(await getSetupMatrix(actor)) });
});
