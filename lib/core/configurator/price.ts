import type { Assignment } from "./assignment";
import type { CompiledProduct, Literal } from "./compile/compiled-product";
import { NO_OPTION } from "./compile/compiled-product";
import { literalTruth, TRUE } from "./literal";

export type PriceLineKind = "base" | "option" | "surcharge" | "per-unit" | "percentage" | "floor" | "quantity-break";

export interface PriceLine {
  kind: PriceLineKind;
  label: string;
  /** Minor units; per unit of the product, except the quantity break, which is on the order line. */
  amount: number;
  group?: string;
  option?: string;
  ruleId?: string;
}

export interface PriceBreakdown {
  currency: string;
  quantity: number;
  unitPrice: number;
  total: number;
  lines: PriceLine[];
}

/** Rounds numerator / 10 000 half away from zero in exact integer arithmetic. */
function applyBasisPoints(amount: number, basisPoints: number): number {
  const scaled = amount * basisPoints;
  return Math.sign(scaled) * Math.floor((Math.abs(scaled) + 5000) / 10000);
}

function holds(literals: Literal[], product: CompiledProduct, assignment: Assignment): boolean {
  for (const literal of literals) if (literalTruth(literal, assignment) !== TRUE) return false;
  return true;
}

/**
 * The price in integer minor units, in a fixed order so the same configuration always gives
 * the same lines: base, option deltas (group then option order), surcharges, per-unit charges
 * — the unit subtotal — then each percentage of that subtotal (percentages do not compound),
 * a floor at zero, and the quantity break on the order line. Never negative.
 */
export function priceConfiguration(product: CompiledProduct, assignment: Assignment, quantity: number): PriceBreakdown {
  const lines: PriceLine[] = [{ kind: "base", label: product.definition.name, amount: product.definition.basePrice }];
  let subtotal = product.definition.basePrice;

  for (const group of product.groups) {
    if (group.kind !== "single" && group.kind !== "multi") continue;
    const chosen = assignment.option[group.index] ?? NO_OPTION;
    const picks = assignment.picks[group.index];
    for (const option of group.options) {
      const selected = group.kind === "single" ? chosen === option.index : picks?.[option.index] === 1;
      if (!selected || option.priceDelta === 0) continue;
      lines.push({ kind: "option", label: `${group.label}: ${option.label}`, amount: option.priceDelta, group: group.code, option: option.code });
      subtotal += option.priceDelta;
    }
  }

  for (const rule of product.priceRules) {
    if (rule.kind === "surcharge" && holds(rule.when, product, assignment)) {
      lines.push({ kind: "surcharge", label: rule.label, amount: rule.amount, ruleId: rule.id });
      subtotal += rule.amount;
    } else if (rule.kind === "per-unit") {
      const value = assignment.number[rule.group] ?? Number.NaN;
      if (Number.isNaN(value) || value <= rule.above) continue;
      // Every started unit counts: 60.5 cm over a 60 cm threshold is one unit.
      const units = Math.ceil((value - rule.above) / rule.per - 1e-9);
      lines.push({ kind: "per-unit", label: rule.label, amount: units * rule.amount, ruleId: rule.id });
      subtotal += units * rule.amount;
    }
  }

  let unitPrice = subtotal;
  for (const rule of product.priceRules) {
    if (rule.kind !== "percentage" || !holds(rule.when, product, assignment)) continue;
    const amount = applyBasisPoints(subtotal, rule.basisPoints);
    lines.push({ kind: "percentage", label: rule.label, amount, ruleId: rule.id });
    unitPrice += amount;
  }
  if (unitPrice < 0) {
    lines.push({ kind: "floor", label: "Price cannot go below zero", amount: -unitPrice });
    unitPrice = 0;
  }

  let total = unitPrice * quantity;
  const quantityBreak = product.priceRules.find((rule) => rule.kind === "quantity-break");
  if (quantityBreak?.kind === "quantity-break") {
    const reached = quantityBreak.breaks.filter((step) => quantity >= step.minQuantity).at(-1);
    if (reached && reached.basisPoints > 0) {
      const discount = applyBasisPoints(total, reached.basisPoints);
      lines.push({ kind: "quantity-break", label: `${quantityBreak.label} (${quantity}+ units)`, amount: -discount, ruleId: quantityBreak.id });
      total -= discount;
    }
  }
  return { currency: product.definition.currency, quantity, unitPrice, total: Math.max(0, total), lines };
}
