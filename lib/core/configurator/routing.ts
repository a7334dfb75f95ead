import type { Assignment } from "./assignment";
import type { CompiledProduct } from "./compile/compiled-product";
import { NO_OPTION } from "./compile/compiled-product";
import { literalTruth, TRUE } from "./literal";

export interface ProductionJobSpec {
  /** What a line must be set up for: `<productType>-<variant>`, e.g. "fridge-steel". */
  family: string;
  capabilities: string[];
  /** Minutes at line speed 1 for one unit, and for the whole order line. */
  minutesPerUnit: number;
  minutes: number;
}

export function routeConfiguration(product: CompiledProduct, assignment: Assignment, quantity: number): ProductionJobSpec {
  const { routing, productType } = product.definition;
  const capabilities = new Set(routing.capabilities);
  let minutesPerUnit = routing.minutesPerUnit;
  for (const extra of product.routingExtras) {
    if (literalTruth(extra.when, assignment) !== TRUE) continue;
    minutesPerUnit += extra.minutes;
    for (const capability of extra.capabilities) capabilities.add(capability);
  }
  return {
    family: `${productType}-${variantOf(product, assignment)}`,
    capabilities: [...capabilities],
    minutesPerUnit,
    minutes: minutesPerUnit * quantity,
  };
}

function variantOf(product: CompiledProduct, assignment: Assignment): string {
  if (product.familyGroup === null) return "standard";
  const group = product.groups[product.familyGroup];
  if (group?.kind !== "single") return "standard";
  const option = assignment.option[group.index] ?? NO_OPTION;
  return group.options[option]?.familyVariant ?? "standard";
}
