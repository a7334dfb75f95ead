import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A fresh line token: 256 random bits, base64url. Shown to the admin once, never stored. */
export function generateLineToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database keeps of a token: its SHA-256, hex. */
export function hashLineToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Compares two token hashes without an early exit, so timing says nothing about a near miss. */
export function tokenHashesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/** Enough of a token to recognize it in a list, never enough to use it. */
export function tokenHint(token: string): string {
  return `${token.slice(0, 4)}…${token.slice(-2)}`;
}
