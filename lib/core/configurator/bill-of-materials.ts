import type { Assignment } from "./assignment";
import type { CompiledProduct } from "./compile/compiled-product";
import { literalTruth, TRUE } from "./literal";

export interface PartsLine {
  partNumber: string;
  quantityPerUnit: number;
  /** For the whole order line (per unit × quantity). */
  quantity: number;
}

// Quantities such as metres of fabric are decimals; six places removes float noise like 1.2000000000000002.
function tidy(quantity: number): number {
  return Math.round(quantity * 1e6) / 1e6;
}

/**
 * The parts one order line needs: the product's lines whose condition holds, numeric groups
 * scaling their quantities, summed per part number in first-mention order. A line scaled by a
 * group that has no value yet is left out (the configuration is incomplete anyway).
 */
export function explodeBillOfMaterials(product: CompiledProduct, assignment: Assignment, quantity: number): PartsLine[] {
  const perUnit = new Map<string, number>();
  for (const line of product.bom) {
    if (line.when && literalTruth(line.when, assignment) !== TRUE) continue;
    let amount = line.quantity;
    if (line.scaleBy) {
      const value = assignment.number[line.scaleBy.group] ?? Number.NaN;
      if (Number.isNaN(value)) continue;
      amount = tidy(amount * value * line.scaleBy.factor);
      const increment = line.scaleBy.roundUpTo;
      if (increment !== null) amount = tidy(Math.ceil(amount / increment - 1e-9) * increment);
    }
    perUnit.set(line.partNumber, tidy((perUnit.get(line.partNumber) ?? 0) + amount));
  }
  return [...perUnit].map(([partNumber, quantityPerUnit]) => ({
    partNumber,
    quantityPerUnit,
    quantity: tidy(quantityPerUnit * quantity),
  }));
}
