import { z } from "zod";
import { BomLineSchema } from "./bom-schema";
import { CodeSchema, LabelSchema, MinorUnitsSchema } from "./code-schema";
import { OptionGroupSchema } from "./option-group-schema";
import { PriceRuleSchema } from "./price-rule-schema";
import { RoutingSchema } from "./routing-schema";
import { RuleSchema } from "./rule-schema";

/** The document's fields, before cross-references are checked (see check-references.ts). */
export const ProductShapeSchema = z.strictObject({
  /** Bumped when the document's meaning changes, so stored versions can be migrated. */
  schemaVersion: z.literal(1).default(1),
  id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/),
  slug: CodeSchema,
  name: LabelSchema,
  description: z.string().max(2000).optional(),
  /** The published version of this product; an order snapshots (id, version). */
  version: z.number().int().min(1),
  /** "fridge", "washer", "shirt" …: picks the preview renderer and prefixes the job family. */
  productType: CodeSchema,
  currency: z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code such as EUR"),
  basePrice: MinorUnitsSchema.pipe(z.number().min(0)),
  groups: z.array(OptionGroupSchema).min(1).max(100),
  rules: z.array(RuleSchema).max(5000).default([]),
  priceRules: z.array(PriceRuleSchema).max(500).default([]),
  bom: z.array(BomLineSchema).max(2000).default([]),
  routing: RoutingSchema,
  /** Which group plays which role in the product type's preview ({ color: "finish", … }). */
  preview: z.strictObject({ layers: z.record(CodeSchema, CodeSchema) }).optional(),
});
export type ProductShape = z.output<typeof ProductShapeSchema>;
