import { getToken } from "next-auth/jwt";
import { anonymous, type Actor } from "@/lib/core/policy/actor";
import { sql } from "../db/sql";

const SESSION_COOKIE = "authjs.session-token";

/**
 * Decoded session cookies, by the cookie's exact text: decoding one (key derivation, decryption,
 * MAC) is most of an API request's CPU besides the database, and a browser sends the same
 * cookie with every request. Only what decoded is kept, until the token's own expiry; the token
 * is the key, so nothing can be looked up without holding it. Whether the session still counts
 * (the user active, its session version current) is asked of the database on every request.
 */
const MAX_CACHED_SESSIONS = 10_000;
type SessionClaims = { uid: string; sv: number; expiresAt: number };
const globalForSessions = globalThis as unknown as { __decodedSessions?: { secret: string; sessions: Map<string, SessionClaims> } };

function decodedSessionsFor(secret: string): Map<string, SessionClaims> {
  // a new secret makes every earlier decoding worthless
  if (globalForSessions.__decodedSessions?.secret !== secret) globalForSessions.__decodedSessions = { secret, sessions: new Map() };
  return globalForSessions.__decodedSessions.sessions;
}

/** The session cookie's text (Auth.js splits a long one into `.0`, `.1` … chunks). */
function sessionCookieText(cookie: string): string {
  return cookie
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${SESSION_COOKIE}`) || part.startsWith(`__Secure-${SESSION_COOKIE}`))
    .sort()
    .join(";");
}

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
  const decodedSessions = decodedSessionsFor(secret);
  const key = sessionCookieText(cookie);
  const now = Date.now();
  let claims = decodedSessions.get(key);
  if (claims && claims.expiresAt <= now) {
    decodedSessions.delete(key);
    claims = undefined;
  }
  if (!claims) {
    let token: Record<string, unknown> | null = null;
    try {
      token = await getToken({ req: { headers }, secret, secureCookie: cookie.includes(`__Secure-${SESSION_COOKIE}`) });
    } catch {
      return anonymous; // a cookie we cannot decrypt is no session
    }
    if (!token || typeof token.uid !== "string") return anonymous;
    claims = { uid: token.uid, sv: typeof token.sv === "number" ? token.sv : -1, expiresAt: typeof token.exp === "number" ? token.exp * 1000 : now };
    if (claims.expiresAt > now) {
      if (decodedSessions.size >= MAX_CACHED_SESSIONS) decodedSessions.delete(decodedSessions.keys().next().value!);
      decodedSessions.set(key, claims);
    }
  }
  return loadActorForUser(claims.uid, claims.sv);
}

export async function loadActorForUser(userId: string, sessionVersion: number): Promise<Actor> {
  const [user] = await sql().query<{ id: string; role: string; active: boolean; sessionVersion: number; organizationId: string | null; organizationKind: string | null }>(
    `SELECT u."id", u."role"::text AS "role", u."active", u."sessionVersion", u."organizationId", o."kind"::text AS "organizationKind"
     FROM "User" u LEFT JOIN "Organization" o ON o."id" = u."organizationId"
     WHERE u."id" = $1`,
    [userId],
  );
  if (!user || !user.active || user.sessionVersion !== sessionVersion) return anonymous;
  return {
    kind: "user",
    userId: user.id,
    role: user.role as Extract<Actor, { kind: "user" }>["role"],
    organizationId: user.organizationId,
    organizationKind: user.organizationKind as Extract<Actor, { kind: "user" }>["organizationKind"],
  };
}
