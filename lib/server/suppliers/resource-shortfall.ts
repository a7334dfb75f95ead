import { chooseSupplier } from "@/lib/core/sourcing/choose-supplier";
import type { Tx } from "../db";
import { writeOutboxEvent } from "../realtime/outbox";

const DAY_MS = 86_400_000;

/**
 * A request came back short or rejected: ask the next supplier for what is missing. The
 * suppliers already asked along this chain are skipped. When nobody is left, the request is
 * flagged and the manufacturer's planners are told.
 */
export async function resourceShortfall(
  tx: Tx,
  request: { id: string; manufacturerId: string; orderId: string; partId: string; supplierId: string; neededBy: Date },
  shortfall: number,
  now: Date,
): Promise<{ resourcedTo: string | null }> {
  const tried = new Set<string>([request.supplierId]);
  let cursor: string | null = request.id;
  while (cursor) {
    const link: { supplierId: string; resourcedFromId: string | null } | null = await tx.partsRequest.findUnique({
      where: { id: cursor },
      select: { supplierId: true, resourcedFromId: true },
    });
    if (!link) break;
    tried.add(link.supplierId);
    cursor = link.resourcedFromId;
  }
  const offers = await tx.supplierPart.findMany({
    where: { partId: request.partId, active: true, supplier: { customers: { some: { manufacturerId: request.manufacturerId } } } },
    select: { supplierId: true, unitPrice: true, leadTimeDays: true, minOrderQty: true, active: true },
  });
  const availableDays = Math.max(0, Math.floor((request.neededBy.getTime() - now.getTime()) / DAY_MS));
  const choice = chooseSupplier(offers, shortfall, availableDays, tried);
  const part = await tx.part.findUniqueOrThrow({ where: { id: request.partId }, select: { partNumber: true, name: true } });

  if (!choice) {
    await tx.partsRequest.update({ where: { id: request.id }, data: { flagged: true } });
    const reason = `No other supplier for ${part.partNumber} (${part.name}): ${shortfall} missing`;
    await tx.order.update({ where: { id: request.orderId }, data: { atRisk: true, atRiskReason: reason } });
    await tx.orderEvent.create({ data: { orderId: request.orderId, at: now, kind: "parts_flagged", message: reason, data: { partNumber: part.partNumber, shortfall } } });
    await writeOutboxEvent(tx, {
      type: "parts-request.flagged",
      rooms: [`manufacturer:${request.manufacturerId}`],
      payload: { requestId: request.id, orderId: request.orderId, partNumber: part.partNumber, shortfall },
    });
    return { resourcedTo: null };
  }
  const next = await tx.partsRequest.create({
    data: {
      manufacturerId: request.manufacturerId,
      supplierId: choice.supplierId,
      orderId: request.orderId,
      partId: request.partId,
      quantity: choice.orderQuantity,
      neededBy: request.neededBy,
      resourcedFromId: request.id,
    },
    select: { id: true },
  });
  await writeOutboxEvent(tx, {
    type: "parts-request.created",
    rooms: [`supplier:${choice.supplierId}`],
    payload: { requestId: next.id, partNumber: part.partNumber, quantity: choice.orderQuantity },
  });
  return { resourcedTo: next.id };
}
