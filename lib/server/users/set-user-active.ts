import type { SetUserActive } from "@/lib/core/accounts/account-schemas";
import type { Actor } from "@/lib/core/policy";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { disconnectUserSockets } from "../realtime/live-hub";

/** Deactivating ends the user's sessions at once: the sessionVersion their cookies carry dies. */
export async function setUserActive(actor: Actor, organizationId: string, input: SetUserActive, address: string | null) {
  authorize(actor, "users.manage", { organizationId }, "ORGANIZATION_NOT_FOUND");
  if (input.userId === actor.userId && !input.active) {
    throw new AppError("CANNOT_DEACTIVATE_SELF", "You cannot deactivate yourself; ask another admin.", { status: 409 });
  }
  const updated = await db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: input.userId, organizationId }, select: { id: true, active: true } });
    if (!user) throw notFound("User");
    const changed = await tx.user.update({
      where: { id: user.id },
      data: { active: input.active, ...(input.active ? { failedSignIns: 0, lockedUntil: null } : { sessionVersion: { increment: 1 } }) },
      select: { id: true, name: true, email: true, role: true, active: true },
    });
    await recordAudit(tx, { actor, action: input.active ? "user.reactivate" : "user.deactivate", targetType: "user", targetId: user.id, address });
    return changed;
  });
  if (!input.active) disconnectUserSockets(updated.id);
  return updated;
}
