import type { SignUp } from "@/lib/core/accounts/account-schemas";
import { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "../audit/record-audit";
import { hashPassword } from "../auth/password";
import { db } from "../db";
import { conflict } from "../errors";

/** Consumers sign themselves up; they belong to no organization. */
export async function signUpConsumer(input: SignUp, address: string | null) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, passwordHash, role: "consumer" },
        select: { id: true, email: true },
      });
      await recordAudit(tx, {
        actor: { kind: "user", userId: user.id, role: "consumer", organizationId: null, organizationKind: null },
        action: "user.sign-up",
        targetType: "user",
        targetId: user.id,
        address,
      });
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw conflict("EMAIL_TAKEN", "An account with this email already exists. Sign in instead.", {
        fields: [{ path: "email", message: "Already registered." }],
      });
    }
    throw error;
  }
}
