import type { Configuration } from "@/lib/core/configurator/configuration";
import { ProductDefinitionSchema } from "@/lib/core/configurator/product-definition";
import { renderPreviewSvg } from "@/lib/core/preview/render-preview-svg";
import type { Actor } from "@/lib/core/policy";
import { db } from "../db";
import { AppError } from "../errors";
import { requirePlanner } from "./load-planning-state";

/** The picture of exactly what a job makes, from the version and configuration its order holds. */
export async function renderJobPreview(actor: Actor, jobId: string): Promise<string> {
  const planner = requirePlanner(actor, "board.read");
  return renderStoredJobPreview({ id: jobId, manufacturerId: planner.organizationId });
}

/** The preview of the job that matches `where` (one the caller may show); 404 when there is none. */
export async function renderStoredJobPreview(where: { id: string; manufacturerId?: string; lineId?: string }): Promise<string> {
  const job = await db.productionJob.findFirst({
    where,
    select: { orderItem: { select: { configuration: true, productVersion: { select: { definition: true } } } } },
  });
  if (!job?.orderItem) throw new AppError("JOB_NOT_FOUND", "Not found.", { status: 404 });
  const definition = ProductDefinitionSchema.parse(job.orderItem.productVersion.definition);
  return renderPreviewSvg(definition, job.orderItem.configuration as Configuration);
}
