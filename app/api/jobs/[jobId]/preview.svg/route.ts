import { IdSchema } from "@/lib/core/accounts/account-schemas";
import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute } from "@/lib/server/http/api-route";
import { renderJobPreview } from "@/lib/server/planning/render-job-preview";

type Context = { params: Promise<{ jobId: string }> };

export const GET = apiRoute(async (request: Request, { params }: Context) => {
  const actor = await loadActorFromHeaders(request.headers);
  const jobId = parseInput(IdSchema, (await params).jobId);
  const svg = await renderJobPreview(actor, jobId);
  // The SVG is built by escaping every text; the CSP keeps it from running anything anyway.
  return new Response(svg, { headers: { "content-type": "image/svg+xml; charset=utf-8", "cache-control": "private, max-age=3600", "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'" } });
});
