import { z } from "zod";
import { IdSchema } from "@/lib/core/accounts/account-schemas";

const CodeLikeSchema = z.string().trim().min(1).max(64).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lowercase letters, digits and single hyphens");

/** Where a new product's first draft comes from. */
export const ProductSourceSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("blank"), productType: CodeLikeSchema.default("generic"), currency: z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code such as EUR").default("EUR") }),
  /** One of the demo catalogue's products, by slug (lib/core/configurator/examples). */
  z.strictObject({ kind: z.literal("example"), example: CodeLikeSchema }),
  /** Another product of the same manufacturer: its current draft. */
  z.strictObject({ kind: z.literal("product"), productId: IdSchema }),
]);

export const CreateProductSchema = z.strictObject({
  name: z.string().trim().min(1, "Name the product.").max(120),
  slug: CodeLikeSchema,
  source: ProductSourceSchema,
});
export type CreateProduct = z.infer<typeof CreateProductSchema>;
