import type { CreateStaffUser } from "@/lib/core/accounts/account-schemas";
import { assignableRoles, type Actor } from "@/lib/core/policy";
import { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import { hashPassword } from "../auth/password";
import { db } from "../db";
import { AppError, conflict } from "../errors";

export async function createStaffUser(actor: Actor, organizationId: string, input: CreateStaffUser, address: string | null) {
  authorize(actor, "users.manage", { organizationId }, "ORGANIZATION_NOT_FOUND");
  if (!actor.organizationKind || !assignableRoles(actor.organizationKind).includes(input.role)) {
    throw new AppError("ROLE_NOT_ASSIGNABLE", `A ${actor.organizationKind} organization has no ${input.role} role.`, {
      status: 422,
      details: { fields: [{ path: "role", message: "Not a role of this organization." }] },
    });
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, role: input.role, passwordHash, organizationId },
        select: { id: true, name: true, email: true, role: true, active: true },
      });
      await recordAudit(tx, { actor, action: "user.create", targetType: "user", targetId: user.id, address, details: { email: user.email, role: user.role } });
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw conflict("EMAIL_TAKEN", "A user with this email already exists.", { fields: [{ path: "email", message: "Already in use." }] });
    }
    throw error;
  }
}
