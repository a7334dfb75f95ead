"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { SignInSchema, SignUpSchema } from "@/lib/core/accounts/account-schemas";
import { safeNextPath } from "@/lib/core/policy";
import { LOCKOUT_MINUTES } from "@/lib/server/auth/authenticate-user";
import { signIn, signOut, SIGN_IN_WINDOW_MINUTES } from "@/lib/server/auth/auth";
import { AppError } from "@/lib/server/errors";
import { clientAddress } from "@/lib/server/http/client-address";
import { signUpConsumer } from "@/lib/server/users/sign-up-consumer";

export type AuthFormState = { error?: string; fieldErrors?: Record<string, string> };

// Sign-ins per address are limited in the credentials provider (lib/server/auth/auth.ts).
const REFUSAL_MESSAGES: Record<string, string> = {
  invalid: "Wrong email or password.",
  throttled: `Too many sign-in attempts from your network. Try again in ${SIGN_IN_WINDOW_MINUTES} minutes.`,
  locked: `Too many failed attempts: this account is locked for ${LOCKOUT_MINUTES} minutes.`,
  deactivated: "This account has been deactivated. Ask your organization's admin.",
};

function fieldErrorsOf(issues: Array<{ path: PropertyKey[]; message: string }>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? "form");
    errors[key] ??= issue.message;
  }
  return errors;
}

export async function signInAction(input: unknown, next?: unknown): Promise<AuthFormState> {
  const parsed = SignInSchema.safeParse(input);
  if (!parsed.success) return { error: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error.issues) };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeNextPath(next) ?? "/home" });
    return {};
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code ?? "invalid";
      return { error: REFUSAL_MESSAGES[code] ?? REFUSAL_MESSAGES.invalid };
    }
    throw error; // the redirect after a successful sign-in travels as an error
  }
}

export async function signUpAction(input: unknown): Promise<AuthFormState> {
  const parsed = SignUpSchema.safeParse(input);
  if (!parsed.success) return { error: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error.issues) };
  try {
    await signUpConsumer(parsed.data, clientAddress(await headers()));
  } catch (error) {
    if (error instanceof AppError && error.code === "EMAIL_TAKEN") return { error: error.message, fieldErrors: { email: "Already registered." } };
    throw error;
  }
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/catalogue" });
  return {};
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in?signed-out=1" });
}
