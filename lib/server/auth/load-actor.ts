import { getToken } from "next-auth/jwt";
import { anonymous, type Actor } from "@/lib/core/policy/actor";
import { db } from "../db";

const SESSION_COOKIE = "authjs.session-token";

/**
 * The acting user for a request, from its Auth.js session cookie. The cookie only names the
 * user; the user row decides: a deactivated user, or a session older than the user's
 * sessionVersion (bumped on deactivation), acts as anonymous.
 */
export async function loadActorFromHeaders(headers: Headers): Promise<Actor> {
  const cookie = headers.get("cookie") ?? "";
  if (!cookie.includes(SESSION_COOKIE)) return anonymous;
  const secret = process.env.AUTH_SECRET;
  if (!secret) return anonymous;
  let token: Record<string, unknown> | null = null;
  try {
    token = await getToken({ req: { headers }, secret, secureCookie: cookie.includes(`__Secure-${SESSION_COOKIE}`) });
  } catch {
    return anonymous; // a cookie we cannot decrypt is no session
  }
  if (!token || typeof token.uid !== "string") return anonymous;
  return loadActorForUser(token.uid, typeof token.sv === "number" ? token.sv : -1);
}

export async function loadActorForUser(userId: string, sessionVersion: number): Promise<Actor> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, active: true, sessionVersion: true, organizationId: true, organization: { select: { kind: true } } },
  });
  if (!user || !user.active || user.sessionVersion !== sessionVersion) return anonymous;
  return {
    kind: "user",
    userId: user.id,
    role: user.role,
    organizationId: user.organizationId,
    organizationKind: user.organization?.kind ?? null,
  };
}
