import { CreateSupplierSchema } from "@/lib/core/parts/supplier-schemas";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute, readJson } from "@/lib/server/http/api-route";
import { clientAddress } from "@/lib/server/http/client-address";
import { createSupplierOrganization, listSuppliersForManufacturer } from "@/lib/server/supplier-admin/manage-suppliers";

export const GET = apiRoute(async (request: Request) => {
  const actor = await loadActorFromHeaders(request.headers);
  return Response.json({ suppliers: await listSuppliersForManufacturer(actor) });
});

export const POST = apiRoute(async (request: Request) => {
  const actor = await loadActorFromHeaders(request.headers);
  const input = parseInput(CreateSupplierSchema, await readJson(request));
  return Response.json({ supplier: await createSupplierOrganization(actor, input, clientAddress(request.headers)) }, { status: 201 });
});
