import { canonicalJson } from "@/lib/core/json/canonical-json";

/**
 * Whether the draft says anything the published version does not. The `version` field always
 * differs (the draft is the next version), so it is left out; the rest is compared as canonical
 * JSON because jsonb does not keep key order.
 */
export function draftDiffers(draft: unknown, published: unknown): boolean {
  return canonicalJson(withoutVersion(draft)) !== canonicalJson(withoutVersion(published));
}

function withoutVersion(document: unknown): unknown {
  if (document === null || typeof document !== "object" || Array.isArray(document)) return document;
  const { version: _version, ...rest } = document as Record<string, unknown>;
  return rest;
}
