/**
 * Which supplier gets a part request. The rule, in order:
 * 1. Only active offers from suppliers that serve this manufacturer, and not the suppliers
 *    already tried for this need (a rejected or short request is re-sourced elsewhere).
 * 2. Offers whose lead time meets the needed-by date come first; among them the lowest total
 *    cost for the quantity actually bought (rounded up to the minimum order quantity), then the
 *    shorter lead time. Cost wins only where time is not at stake.
 * 3. When no offer meets the date, the shortest lead time wins (then cost): late is bad, later
 *    is worse.
 * Ties go to the lower supplier id, so the choice is deterministic.
 */
export type SupplierOffer = {
  supplierId: string;
  unitPrice: number;
  leadTimeDays: number;
  minOrderQty: number;
  active: boolean;
};

export type SupplierChoice = {
  supplierId: string;
  /** What we ask for: the need rounded up to the offer's minimum order quantity. */
  orderQuantity: number;
  totalCost: number;
  leadTimeDays: number;
  meetsNeededBy: boolean;
};

export function orderQuantityFor(need: number, minOrderQty: number): number {
  return Math.max(Math.ceil(need), Math.ceil(minOrderQty));
}

export function chooseSupplier(
  offers: SupplierOffer[],
  need: number,
  availableDays: number,
  excludeSupplierIds: ReadonlySet<string> = new Set(),
): SupplierChoice | null {
  const candidates = offers
    .filter((offer) => offer.active && !excludeSupplierIds.has(offer.supplierId))
    .map((offer) => {
      const orderQuantity = orderQuantityFor(need, offer.minOrderQty);
      return {
        supplierId: offer.supplierId,
        orderQuantity,
        totalCost: orderQuantity * offer.unitPrice,
        leadTimeDays: offer.leadTimeDays,
        meetsNeededBy: offer.leadTimeDays <= availableDays,
      };
    });
  if (candidates.length === 0) return null;
  const byId = (a: SupplierChoice, b: SupplierChoice) => (a.supplierId < b.supplierId ? -1 : a.supplierId > b.supplierId ? 1 : 0);
  const inTime = candidates.filter((candidate) => candidate.meetsNeededBy);
  if (inTime.length > 0) {
    return inTime.sort((a, b) => a.totalCost - b.totalCost || a.leadTimeDays - b.leadTimeDays || byId(a, b))[0]!;
  }
  return candidates.sort((a, b) => a.leadTimeDays - b.leadTimeDays || a.totalCost - b.totalCost || byId(a, b))[0]!;
}
