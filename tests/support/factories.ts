import { randomBytes } from "node:crypto";
import { db } from "@/lib/server/db";
import type { Role } from "@/lib/core/policy";
import { sessionCookieFor } from "./session-cookie";

/** Unique data per test: nothing depends on another test's leftovers. */
export const uniqueSuffix = () => randomBytes(4).toString("hex");

// Hashing with argon2id per created user would cost ~40 ms each; tests that sign in by
// password create their own hash. This is a valid argon2id hash of "tailorline".
export const TAILORLINE_HASH = "$argon2id$v=19$m=19456,t=2,p=1$aBJqJZbwibrn75TMdQUnzQ$DEbzoJc/StjHg2VhuQIOl6/yFGJ/nTJepu32eRFUUC4";

export async function createOrganization(kind: "manufacturer" | "supplier", name = `${kind} ${uniqueSuffix()}`) {
  return db.organization.create({ data: { name, kind, slug: `${kind}-${uniqueSuffix()}` } });
}

export async function createUser(role: Role, organizationId: string | null, overrides: { email?: string; passwordHash?: string; active?: boolean } = {}) {
  const user = await db.user.create({
    data: {
      email: overrides.email ?? `${role}-${uniqueSuffix()}@example.test`,
      name: `${role} ${uniqueSuffix()}`,
      role,
      organizationId,
      passwordHash: overrides.passwordHash ?? TAILORLINE_HASH,
      active: overrides.active ?? true,
    },
  });
  return { ...user, cookie: await sessionCookieFor(user) };
}
