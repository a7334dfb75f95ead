import { db } from "../db";
import { repairAfterDisruption, type RepairOutcome } from "./repair-after-disruption";

/**
 * A supplier moved a confirmed date later. The answer itself already moved the order's jobs'
 * release and flagged the order when even the fastest line could not make it; this follow-up
 * repairs the plan around the new release and reviews the order's promise against the repair,
 * with the supplier's slip as the cause ("Polar Cooling Parts moved FR-COMP-2 by 3 days").
 */
export async function reviewSupplierSlip(requestId: string): Promise<RepairOutcome | null> {
  const request = await db.partsRequest.findUnique({ where: { id: requestId }, select: { orderId: true, manufacturerId: true, promisedDate: true } });
  if (!request?.promisedDate) return null;
  const slip = await db.orderEvent.findFirst({
    where: { orderId: request.orderId, kind: "date_changed", data: { path: ["promisedDate"], equals: request.promisedDate.toISOString() } },
    orderBy: { at: "desc" },
    select: { message: true },
  });
  if (!slip) return null;
  // The answer moved the release of jobs still waiting for the plan; a published job's release
  // moves here, or the next plan would start it before its parts arrive.
  const release = await db.partsRequest.aggregate({ where: { orderId: request.orderId, status: "confirmed" }, _max: { promisedDate: true } });
  if (release._max.promisedDate) {
    await db.productionJob.updateMany({
      where: { orderItem: { orderId: request.orderId }, status: "queued", release: { lt: release._max.promisedDate } },
      data: { release: release._max.promisedDate, version: { increment: 1 } },
    });
  }
  return repairAfterDisruption(request.manufacturerId, { kind: "release-moved", orderId: request.orderId, cause: slip.message });
}
