import type { ChangeUserRole } from "@/lib/core/accounts/account-schemas";
import { assignableRoles, type Actor } from "@/lib/core/policy";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { disconnectUserSockets } from "../realtime/live-hub";

export async function changeUserRole(actor: Actor, organizationId: string, input: ChangeUserRole, address: string | null) {
  authorize(actor, "users.manage", { organizationId }, "ORGANIZATION_NOT_FOUND");
  if (!actor.organizationKind || !assignableRoles(actor.organizationKind).includes(input.role)) {
    throw new AppError("ROLE_NOT_ASSIGNABLE", `A ${actor.organizationKind} organization has no ${input.role} role.`, { status: 422 });
  }
  if (input.userId === actor.userId) {
    throw new AppError("CANNOT_CHANGE_OWN_ROLE", "You cannot change your own role; ask another admin.", { status: 409 });
  }
  const updated = await db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: input.userId, organizationId }, select: { id: true, role: true } });
    if (!user) throw notFound("User");
    const changed = await tx.user.update({
      where: { id: user.id },
      // A new role is a new session: the user's sockets re-join with what the role may see.
      data: { role: input.role, sessionVersion: { increment: user.role === input.role ? 0 : 1 } },
      select: { id: true, name: true, email: true, role: true, active: true },
    });
    await recordAudit(tx, { actor, action: "user.change-role", targetType: "user", targetId: user.id, address, details: { from: user.role, to: input.role } });
    return changed;
  });
  disconnectUserSockets(updated.id);
  return updated;
}
