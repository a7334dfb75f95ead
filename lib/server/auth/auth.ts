import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { SignInSchema } from "@/lib/core/accounts/account-schemas";
import { SlidingWindowLimiter } from "@/lib/core/rate-limit/sliding-window";
import { authenticateUser, type SignInRefusal } from "./authenticate-user";
import { clientAddress } from "../http/client-address";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
export const SIGN_INS_PER_ADDRESS = 30;
export const SIGN_IN_WINDOW_MINUTES = 5;

// Per address, whatever the account: slows down spraying many accounts from one place. Checked
// here, where every sign-in ends up — the form's server action and Auth.js's own
// /api/auth/callback/credentials endpoint alike (a limit in the action alone was bypassable).
const globalForLimits = globalThis as unknown as { __signInLimiter?: SlidingWindowLimiter };
const signInLimiter = (globalForLimits.__signInLimiter ??= new SlidingWindowLimiter(SIGN_INS_PER_ADDRESS, SIGN_IN_WINDOW_MINUTES * 60_000));

/** Carries why a sign-in was refused to the sign-in form (Auth.js passes `code` through). */
class SignInRefused extends CredentialsSignin {
  constructor(refusal: SignInRefusal | "throttled") {
    super();
    this.code = refusal;
  }
}

/**
 * Auth.js v5 with email + password. Sessions are JWTs holding only the user id and the
 * user's sessionVersion; who the user is and may do is read fresh from the database on every
 * request (lib/server/auth/load-actor.ts), so deactivating a user or changing a role takes
 * effect at once.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      authorize: async (credentials, request) => {
        const address = clientAddress(request.headers);
        if (!signInLimiter.hit(address ?? "unknown", Date.now()).allowed) throw new SignInRefused("throttled");
        const parsed = SignInSchema.safeParse(credentials);
        if (!parsed.success) throw new SignInRefused("invalid");
        const result = await authenticateUser(parsed.data, address);
        if (!result.ok) throw new SignInRefused(result.refusal);
        return { id: result.user.id, email: result.user.email, name: result.user.name, sessionVersion: result.user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && typeof token.uid === "string") session.user.id = token.uid;
      return session;
    },
  },
});
