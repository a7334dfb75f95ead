import { IdSchema } from "@/lib/core/accounts/account-schemas";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute } from "@/lib/server/http/api-route";
import { PreviewLinkQuerySchema } from "@/lib/server/lines/job-preview-link";
import { renderLinkedJobPreview } from "@/lib/server/lines/render-linked-job-preview";
import { renderJobPreview } from "@/lib/server/planning/render-job-preview";

type Context = { params: Promise<{ jobId: string }> };

/**
 * A job's preview: for the manufacturer's planners (session), or through the signed link a
 * line's queue carries (`?line=…&expires=…&signature=…`, for the operator at the line).
 */
export const GET = apiRoute(async (request: Request, { params }: Context) => {
  const query = new URL(request.url).searchParams;
  const linked = query.has("signature");
  let svg: string;
  if (linked) {
    svg = await renderLinkedJobPreview(parseInput(IdSchema, (await params).jobId), parseInput(PreviewLinkQuerySchema, Object.fromEntries(query)));
  } else {
    const actor = await loadActorFromHeaders(request.headers);
    svg = await renderJobPreview(actor, parseInput(IdSchema, (await params).jobId));
  }
  // The SVG is built by escaping every text; the CSP keeps it from running anything anyway.
  // A signed link is a capability: it is not passed on in a Referer header.
  return new Response(svg, {
    headers: {
      "content-type": "image/svg+xml; charset=utf-8", "cache-control": "private, max-age=3600", "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
      ...(linked ? { "referrer-policy": "no-referrer" } : {}),
    },
  });
});
