import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { MAX_FAILED_SIGN_INS } from "@/lib/server/auth/authenticate-user";
import { db } from "@/lib/server/db";
import { NewPasswordSchema } from "@/lib/core/accounts/account-schemas";
import { createUser, uniqueSuffix } from "../support/factories";

/**
 * Sign-in throttling where an attacker would go: Auth.js's own credentials endpoint (the sign-in
 * form's server action is one way in; POSTing to /api/auth/callback/credentials with a CSRF
 * token fetched from /api/auth/csrf is another, and must meet the same limits).
 */
const BASE = "http://localhost:3000";

async function csrf(address: string) {
  const response = await GET(new NextRequest(`${BASE}/api/auth/csrf`, { headers: { "x-forwarded-for": address } }));
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = (response.headers.getSetCookie?.() ?? []).map((value) => value.split(";")[0]).join("; ");
  return { csrfToken, cookie };
}

/** One sign-in attempt through Auth.js's endpoint; the refusal code from its redirect, or "signed-in". */
async function attempt(email: string, password: string, address: string): Promise<string> {
  const { csrfToken, cookie } = await csrf(address);
  const response = await POST(
    new NextRequest(`${BASE}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": address, origin: BASE, host: "localhost:3000" },
      body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${BASE}/home` }).toString(),
    }),
  );
  const location = response.headers.get("location") ?? "";
  if (response.headers.getSetCookie().some((value) => value.startsWith("authjs.session-token=") || value.startsWith("__Secure-authjs.session-token="))) return "signed-in";
  return new URL(location, BASE).searchParams.get("code") ?? `status ${response.status} ${location}`;
}

const address = () => `192.0.2.${Math.floor(Math.random() * 200) + 20}`;

describe("sign-in through Auth.js's endpoint", () => {
  it("signs in with the right password and sets an HttpOnly, SameSite session cookie", async () => {
    const user = await createUser("consumer", null);
    const { csrfToken, cookie } = await csrf("192.0.2.1");
    const response = await POST(
      new NextRequest(`${BASE}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": "192.0.2.1", host: "localhost:3000" },
        body: new URLSearchParams({ email: user.email, password: "tailorline", csrfToken }).toString(),
      }),
    );
    const session = response.headers.getSetCookie().find((value) => value.startsWith("authjs.session-token="));
    expect(session).toBeDefined();
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; SameSite=Lax/i);
    expect(session).toMatch(/; Path=\//i);
  });

  it("behind HTTPS the session cookie is __Secure- and Secure", async () => {
    const user = await createUser("consumer", null);
    const secureBase = "https://tailorline.example";
    const csrfResponse = await GET(new NextRequest(`${secureBase}/api/auth/csrf`));
    const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
    const cookie = csrfResponse.headers.getSetCookie().map((value) => value.split(";")[0]).join("; ");
    const response = await POST(
      new NextRequest(`${secureBase}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie },
        body: new URLSearchParams({ email: user.email, password: "tailorline", csrfToken }).toString(),
      }),
    );
    const session = response.headers.getSetCookie().find((value) => value.includes("authjs.session-token="));
    expect(session).toMatch(/^__Secure-authjs\.session-token=/);
    expect(session).toMatch(/; Secure/i);
    expect(session).toMatch(/; HttpOnly/i);
  });

  it(`locks an account after ${MAX_FAILED_SIGN_INS} wrong passwords, whatever the address, even for the right one`, async () => {
    const user = await createUser("consumer", null);
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) expect(await attempt(user.email, `wrong-${i}`, address())).toBe("invalid");
    expect(await attempt(user.email, "tailorline", address())).toBe("locked");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lockedUntil!.getTime()).toBeGreaterThan(Date.now());
  });

  it("throttles one address spraying many accounts (30 tries in 5 minutes), not the others", async () => {
    const from = `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const outcomes: string[] = [];
    for (let i = 0; i < 32; i++) outcomes.push(await attempt(`nobody-${uniqueSuffix()}@example.test`, "guess-password", from));
    expect(outcomes.slice(0, 30).every((outcome) => outcome === "invalid")).toBe(true);
    expect(outcomes.slice(30)).toEqual(["throttled", "throttled"]);
    // Another address is not affected.
    const user = await createUser("consumer", null);
    expect(await attempt(user.email, "tailorline", address())).toBe("signed-in");
  });
});

describe("password policy", () => {
  it("refuses short, repetitive and common passwords; accepts a long passphrase", () => {
    for (const weak of ["short", "aaaaaaaaaaaa", "password123", "1234567890", "x".repeat(129)]) expect(NewPasswordSchema.safeParse(weak).success, weak).toBe(false);
    expect(NewPasswordSchema.safeParse("correct horse battery").success).toBe(true);
  });
});
