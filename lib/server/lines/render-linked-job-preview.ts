import { clock } from "../clock";
import { AppError } from "../errors";
import { renderStoredJobPreview } from "../planning/render-job-preview";
import { checkJobPreviewLink, type PreviewLinkQuery } from "./job-preview-link";

/**
 * A job's preview opened with the signed link of a line's queue (job-preview-link.ts): only
 * with the server's signature for this job and line, before the link expires, and while the job
 * is still on that line. Refusals say what is wrong with the link, never anything of the job.
 */
export async function renderLinkedJobPreview(jobId: string, link: PreviewLinkQuery): Promise<string> {
  const check = checkJobPreviewLink(jobId, link, clock.now());
  if (check === "invalid") throw new AppError("PREVIEW_LINK_INVALID", "This preview link is not valid.", { status: 403 });
  if (check === "expired") throw new AppError("PREVIEW_LINK_EXPIRED", "This preview link has expired; the line's next queue carries a fresh one.", { status: 403 });
  return renderStoredJobPreview({ id: jobId, lineId: link.line });
}
