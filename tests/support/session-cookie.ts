import { encode } from "next-auth/jwt";

const COOKIE = "authjs.session-token";

/** A session cookie exactly as Auth.js would set it after signing in this user. */
export async function sessionCookieFor(user: { id: string; sessionVersion: number }, maxAgeSeconds = 3600): Promise<string> {
  const token = await encode({
    token: { sub: user.id, uid: user.id, sv: user.sessionVersion },
    secret: process.env.AUTH_SECRET!,
    salt: COOKIE,
    maxAge: maxAgeSeconds,
  });
  return `${COOKIE}=${token}`;
}
