import { describe, expect, it } from "vitest";
import { authenticateUser, MAX_FAILED_SIGN_INS } from "@/lib/server/auth/authenticate-user";
import { loadActorForUser, loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { db } from "@/lib/server/db";
import { signUpConsumer } from "@/lib/server/users/sign-up-consumer";
import { createOrganization, createUser, uniqueSuffix } from "../support/factories";

describe("signing in", () => {
  it("succeeds with the right password and records the sign-in", async () => {
    const org = await createOrganization("manufacturer");
    const user = await createUser("planner", org.id);
    const result = await authenticateUser({ email: user.email, password: "tailorline" }, "10.0.0.1");
    expect(result).toEqual({ ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: 1 } });
    const audit = await db.auditLog.findFirst({ where: { targetId: user.id, action: "auth.sign-in" } });
    expect(audit).toMatchObject({ outcome: "success", address: "10.0.0.1" });
  });

  it("fails with a wrong password or an unknown email, the same way", async () => {
    const user = await createUser("consumer", null);
    expect(await authenticateUser({ email: user.email, password: "wrong-password" }, null)).toEqual({ ok: false, refusal: "invalid" });
    expect(await authenticateUser({ email: `nobody-${uniqueSuffix()}@example.test`, password: "tailorline" }, null)).toEqual({ ok: false, refusal: "invalid" });
  });

  it(`locks the account after ${MAX_FAILED_SIGN_INS} wrong passwords, even for the right one`, async () => {
    const user = await createUser("consumer", null);
    for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS; attempt++) {
      expect((await authenticateUser({ email: user.email, password: `wrong-${attempt}` }, null)).ok).toBe(false);
    }
    const locked = await authenticateUser({ email: user.email, password: "tailorline" }, null);
    expect(locked).toMatchObject({ ok: false, refusal: "locked" });
  });

  it("refuses a deactivated user", async () => {
    const user = await createUser("consumer", null, { active: false });
    expect(await authenticateUser({ email: user.email, password: "tailorline" }, null)).toEqual({ ok: false, refusal: "deactivated" });
  });

  it("signs up a consumer with a hashed password, once per email", async () => {
    const email = `new-${uniqueSuffix()}@example.test`;
    const created = await signUpConsumer({ name: "New Person", email, password: "a-long-passphrase" }, null);
    const stored = await db.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored).toMatchObject({ role: "consumer", organizationId: null, active: true });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await authenticateUser({ email, password: "a-long-passphrase" }, null)).ok).toBe(true);
    await expect(signUpConsumer({ name: "Again", email, password: "another-passphrase" }, null)).rejects.toMatchObject({ code: "EMAIL_TAKEN", status: 409 });
    expect(await db.user.count({ where: { email } })).toBe(1);
  });
});

describe("sessions", () => {
  it("a session cookie names its user; a forged or missing one is anonymous", async () => {
    const user = await createUser("consumer", null);
    expect(await loadActorFromHeaders(new Headers({ cookie: user.cookie }))).toMatchObject({ kind: "user", userId: user.id, role: "consumer" });
    expect(await loadActorFromHeaders(new Headers({ cookie: "authjs.session-token=forged.value.here" }))).toEqual({ kind: "anonymous" });
    expect(await loadActorFromHeaders(new Headers())).toEqual({ kind: "anonymous" });
  });

  it("a session from before deactivation no longer acts", async () => {
    const user = await createUser("consumer", null);
    await db.user.update({ where: { id: user.id }, data: { active: false, sessionVersion: { increment: 1 } } });
    expect(await loadActorFromHeaders(new Headers({ cookie: user.cookie }))).toEqual({ kind: "anonymous" });
    expect(await loadActorForUser(user.id, 2)).toEqual({ kind: "anonymous" });
  });
});
