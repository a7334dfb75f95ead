/**
 * Splits an order's parts need between on-hand stock and what must be bought. Stock first:
 * what is on the shelf costs no lead time. Parts are counted in whole units of the part's unit
 * (2.4 m of fabric takes 3 m), so a need is rounded up before anything is reserved.
 */
export type PartNeed = { partNumber: string; quantity: number };
export type StockLevel = { partNumber: string; onHand: number; reserved: number };
export type PartAllocation = { partNumber: string; need: number; fromStock: number; toBuy: number };

export function allocateStock(needs: PartNeed[], stock: StockLevel[]): PartAllocation[] {
  const available = new Map(stock.map((level) => [level.partNumber, Math.max(0, level.onHand - level.reserved)]));
  const totals = new Map<string, number>();
  for (const need of needs) totals.set(need.partNumber, (totals.get(need.partNumber) ?? 0) + need.quantity);
  return [...totals].map(([partNumber, quantity]) => {
    const need = Math.ceil(Math.round(quantity * 1e6) / 1e6);
    const fromStock = Math.min(need, available.get(partNumber) ?? 0);
    return { partNumber, need, fromStock, toBuy: need - fromStock };
  });
}
