import type { SignIn } from "@/lib/core/accounts/account-schemas";
import { recordAudit } from "../audit/record-audit";
import { clock } from "../clock";
import { db } from "../db";
import { decoyPasswordHash, verifyPassword } from "./password";

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;

export type SignInRefusal = "invalid" | "locked" | "deactivated";
export type AuthenticatedUser = { id: string; email: string; name: string; sessionVersion: number };
export type AuthenticationResult = { ok: true; user: AuthenticatedUser } | { ok: false; refusal: SignInRefusal; lockedUntil?: Date };

/**
 * Checks an email and password. Wrong passwords count towards a lockout of the account, so a
 * guesser gets MAX_FAILED_SIGN_INS tries per LOCKOUT_MINUTES whatever address they come from;
 * an unknown email costs the same time as a known one.
 */
export async function authenticateUser(input: SignIn, address: string | null): Promise<AuthenticationResult> {
  const now = clock.now();
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, email: true, name: true, passwordHash: true, active: true, sessionVersion: true, lockedUntil: true, failedSignIns: true, organizationId: true },
  });
  if (!user) {
    await verifyPassword(await decoyPasswordHash(), input.password);
    await db.$transaction((tx) =>
      recordAudit(tx, { actor: { kind: "anonymous" }, action: "auth.sign-in", targetType: "email", targetId: input.email, address, outcome: "failure", details: { reason: "unknown-email" } }),
    );
    return { ok: false, refusal: "invalid" };
  }
  const audit = (outcome: "success" | "failure", reason?: string) =>
    db.$transaction((tx) =>
      recordAudit(tx, {
        actor: { kind: "anonymous" },
        organizationId: user.organizationId,
        action: "auth.sign-in",
        targetType: "user",
        targetId: user.id,
        address,
        outcome,
        details: reason ? { reason } : undefined,
      }),
    );

  if (user.lockedUntil && user.lockedUntil > now) {
    await audit("failure", "locked");
    return { ok: false, refusal: "locked", lockedUntil: user.lockedUntil };
  }
  const passwordMatches = await verifyPassword(user.passwordHash, input.password);
  if (!passwordMatches) {
    const failures = user.failedSignIns + 1;
    const locks = failures >= MAX_FAILED_SIGN_INS;
    await db.user.update({
      where: { id: user.id },
      data: locks
        ? { failedSignIns: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) }
        : { failedSignIns: failures },
    });
    await audit("failure", locks ? "wrong-password-locked" : "wrong-password");
    return { ok: false, refusal: "invalid" };
  }
  if (!user.active) {
    await audit("failure", "deactivated");
    return { ok: false, refusal: "deactivated" };
  }
  await db.user.update({ where: { id: user.id }, data: { failedSignIns: 0, lockedUntil: null, lastSignInAt: now } });
  await audit("success");
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}
