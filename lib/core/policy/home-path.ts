import type { Actor } from "./actor";

/** Where each role lands after signing in. */
export function homePathFor(actor: Actor): string {
  if (actor.kind === "anonymous") return "/sign-in";
  switch (actor.role) {
    case "consumer":
      return "/catalogue";
    case "supplier":
      return "/supplier/requests";
    case "planner":
      return "/board";
    case "admin":
      return actor.organizationKind === "supplier" ? "/admin/users" : "/admin";
  }
}

/** Only same-site relative paths may be redirected to after sign-in (no open redirects). */
export function safeNextPath(next: unknown): string | null {
  if (typeof next !== "string" || next.length > 512) return null;
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return null;
  if (/[\u0000-\u001f]/.test(next)) return null;
  return next;
}
