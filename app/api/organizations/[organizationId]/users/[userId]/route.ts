import { IdSchema, UpdateStaffUserSchema } from "@/lib/core/accounts/account-schemas";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { apiRoute, readJson } from "@/lib/server/http/api-route";
import { clientAddress } from "@/lib/server/http/client-address";
import { parseInput } from "@/lib/server/errors";
import { changeUserRole } from "@/lib/server/users/change-user-role";
import { setUserActive } from "@/lib/server/users/set-user-active";

type Context = { params: Promise<{ organizationId: string; userId: string }> };

export const PATCH = apiRoute(async (request: Request, { params }: Context) => {
  const actor = await loadActorFromHeaders(request.headers);
  const { organizationId, userId } = await params;
  const ids = { organizationId: parseInput(IdSchema, organizationId), userId: parseInput(IdSchema, userId) };
  const change = parseInput(UpdateStaffUserSchema, await readJson(request));
  const address = clientAddress(request.headers);
  const user =
    "role" in change
      ? await changeUserRole(actor, ids.organizationId, { userId: ids.userId, role: change.role }, address)
      : await setUserActive(actor, ids.organizationId, { userId: ids.userId, active: change.active }, address);
  return Response.json({ user });
});
