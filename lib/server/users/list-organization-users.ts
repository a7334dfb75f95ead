import type { Actor } from "@/lib/core/policy";
import { authorize } from "../auth/authorize";
import { db } from "../db";

export async function listOrganizationUsers(actor: Actor, organizationId: string) {
  authorize(actor, "users.manage", { organizationId }, "ORGANIZATION_NOT_FOUND");
  return db.user.findMany({
    where: { organizationId },
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: { id: true, name: true, email: true, role: true, active: true, lastSignInAt: true, createdAt: true },
  });
}
