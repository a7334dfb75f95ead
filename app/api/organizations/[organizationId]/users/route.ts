import { CreateStaffUserSchema, IdSchema } from "@/lib/core/accounts/account-schemas";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { apiRoute, readJson } from "@/lib/server/http/api-route";
import { clientAddress } from "@/lib/server/http/client-address";
import { parseInput } from "@/lib/server/errors";
import { createStaffUser } from "@/lib/server/users/create-staff-user";
import { listOrganizationUsers } from "@/lib/server/users/list-organization-users";

type Context = { params: Promise<{ organizationId: string }> };

export const GET = apiRoute(async (request: Request, { params }: Context) => {
  const actor = await loadActorFromHeaders(request.headers);
  const organizationId = parseInput(IdSchema, (await params).organizationId);
  return Response.json({ users: await listOrganizationUsers(actor, organizationId) });
});

export const POST = apiRoute(async (request: Request, { params }: Context) => {
  const actor = await loadActorFromHeaders(request.headers);
  const organizationId = parseInput(IdSchema, (await params).organizationId);
  const input = parseInput(CreateStaffUserSchema, await readJson(request));
  const user = await createStaffUser(actor, organizationId, input, clientAddress(request.headers));
  return Response.json({ user }, { status: 201 });
});
