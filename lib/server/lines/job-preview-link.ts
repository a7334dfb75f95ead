import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { IdSchema } from "@/lib/core/accounts/account-schemas";

/**
 * The preview link a line's agent gets with each job of its queue: the picture of exactly what
 * the job makes, for the operator at the line, who has no account. The link is a capability:
 * it names one job on one line and an expiry, signed with a key derived from AUTH_SECRET (a key
 * of its own, so a link's signature is never a session's). It opens that job's preview while
 * the job is on that line and the link has not expired — nothing else: no other job, no other
 * line, no other organization's data. It is a path on the server the agent connects to (the
 * server cannot know the address its agents use); the agent resolves it against that address.
 */
export const PREVIEW_LINK_DAYS = 7;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export const PreviewLinkQuerySchema = z.object({
  line: IdSchema,
  expires: z.coerce.number().int().positive().max(2 ** 40),
  signature: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "Not a valid signature."),
});
export type PreviewLinkQuery = z.infer<typeof PreviewLinkQuerySchema>;

/** The job's signed preview path, or null without AUTH_SECRET (nothing to sign with). */
export function jobPreviewLink(jobId: string, lineId: string, now: Date, secret = process.env.AUTH_SECRET): string | null {
  if (!secret) return null;
  // Whole hours: one queue's links, and a queue pushed again within the hour, stay the same.
  const expires = Math.ceil((now.getTime() + PREVIEW_LINK_DAYS * DAY_MS) / HOUR_MS) * (HOUR_MS / 1000);
  const query = new URLSearchParams({ line: lineId, expires: String(expires), signature: sign(secret, jobId, lineId, expires) });
  return `/api/jobs/${encodeURIComponent(jobId)}/preview.svg?${query}`;
}

/** Whether a link's signature is the server's for this job and line, and the link still valid. */
export function checkJobPreviewLink(jobId: string, link: PreviewLinkQuery, now: Date, secret = process.env.AUTH_SECRET): "valid" | "invalid" | "expired" {
  if (!secret) return "invalid";
  const expected = Buffer.from(sign(secret, jobId, link.line, link.expires));
  const given = Buffer.from(link.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return "invalid";
  return link.expires * 1000 > now.getTime() ? "valid" : "expired";
}

function sign(secret: string, jobId: string, lineId: string, expires: number): string {
  return createHmac("sha256", linkKey(secret)).update(`job-preview:v1\n${jobId}\n${lineId}\n${expires}`).digest("base64url");
}

let derived: { secret: string; key: Buffer } | null = null;

function linkKey(secret: string): Buffer {
  if (derived?.secret !== secret) derived = { secret, key: Buffer.from(hkdfSync("sha256", secret, "", "tailorline job preview links v1", 32)) };
  return derived.key;
}
