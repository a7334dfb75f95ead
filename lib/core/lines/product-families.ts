import { z } from "zod";

// Only what decides the family; the rest of the document is not this module's business.
const FamilyFactsSchema = z.object({
  productType: z.string(),
  routing: z.object({ familyGroup: z.string().optional() }).loose(),
  groups: z.array(z.object({ code: z.string(), kind: z.string(), options: z.array(z.object({ code: z.string(), familyVariant: z.string().optional() }).loose()).optional() }).loose()),
});

/**
 * The job families a product definition can become, as the routing names them
 * (`lib/core/configurator/routing.ts`): `<productType>-<variant>`, the variant being the
 * familyVariant (else the code) of the chosen option of the single-choice `familyGroup`, as
 * compiling the product fills it in; "standard" without such a group.
 * An unreadable document yields none.
 */
export function productFamilies(definition: unknown): string[] {
  const parsed = FamilyFactsSchema.safeParse(definition);
  if (!parsed.success) return [];
  const { productType, routing, groups } = parsed.data;
  const group = routing.familyGroup === undefined ? undefined : groups.find((candidate) => candidate.code === routing.familyGroup);
  if (!group || group.kind !== "single" || !group.options?.length) return [`${productType}-standard`];
  return [...new Set(group.options.map((option) => `${productType}-${option.familyVariant ?? option.code}`))];
}
