import { z } from "zod";
import { IdSchema } from "@/lib/core/accounts/account-schemas";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute, readJson } from "@/lib/server/http/api-route";
import { clientAddress } from "@/lib/server/http/client-address";
import { setSupplierLink } from "@/lib/server/supplier-admin/manage-suppliers";

type Context = { params: Promise<{ supplierId: string }> };

export const PATCH = apiRoute(async (request: Request, { params }: Context) => {
  const actor = await loadActorFromHeaders(request.headers);
  const supplierId = parseInput(IdSchema, (await params).supplierId);
  const { linked } = parseInput(z.object({ linked: z.boolean() }), await readJson(request));
  return Response.json(await setSupplierLink(actor, supplierId, linked, clientAddress(request.headers)));
});
