import { z } from "zod";

export const PartNumberSchema = z
  .string({ error: "Enter a part number." })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]+(?:[-.][A-Z0-9]+)*$/, "Part numbers use letters, digits, '-' and '.'.")
  .max(64, "At most 64 characters.");

const wholeNumber = (label: string, max: number) =>
  z.coerce.number<string | number>({ error: `${label} must be a number.` }).int(`${label} must be a whole number.`).min(0, `${label} cannot be negative.`).max(max, `${label} is at most ${max}.`);

const name = z.string().trim().min(1, "Enter a name.").max(200, "At most 200 characters.").refine((v) => !/[<>\u0000-\u001f]/.test(v), "No < > or control characters.");

export const PartInputSchema = z.object({
  partNumber: PartNumberSchema,
  name,
  unit: z.enum(["pcs", "m", "kg", "l", "spool"], { error: "Unit is one of pcs, m, kg, l, spool." }),
  onHand: wholeNumber("On hand", 10_000_000),
});
export type PartInput = z.infer<typeof PartInputSchema>;

export const SupplierOfferInputSchema = z.object({
  partNumber: PartNumberSchema,
  supplier: z.string().trim().min(1, "Name the supplier by its slug.").max(64),
  unitPrice: wholeNumber("Unit price (minor units)", 100_000_000),
  currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "Currency is a 3-letter code."),
  leadTimeDays: wholeNumber("Lead time", 365),
  minOrderQty: wholeNumber("Minimum order quantity", 1_000_000).pipe(z.number().min(1, "Minimum order quantity is at least 1.")),
  supplierSku: z.string().trim().max(64).optional().transform((v) => v || undefined),
});
export type SupplierOfferInput = z.infer<typeof SupplierOfferInputSchema>;

/** CSV columns, in the order exports write them (imports accept any order). */
export const PART_COLUMNS = ["part_number", "name", "unit", "on_hand"] as const;
export const OFFER_COLUMNS = ["part_number", "supplier", "unit_price", "currency", "lead_time_days", "min_order_qty", "supplier_sku"] as const;

export const PartCsvRowSchema = z
  .object({ part_number: z.string(), name: z.string(), unit: z.string(), on_hand: z.string() })
  .transform((row): z.input<typeof PartInputSchema> => ({ partNumber: row.part_number, name: row.name, unit: row.unit as PartInput["unit"], onHand: row.on_hand }))
  .pipe(PartInputSchema);

export const OfferCsvRowSchema = z
  .object({
    part_number: z.string(),
    supplier: z.string(),
    unit_price: z.string(),
    currency: z.string(),
    lead_time_days: z.string(),
    min_order_qty: z.string(),
    supplier_sku: z.string().optional(),
  })
  .transform((row): z.input<typeof SupplierOfferInputSchema> => ({
    partNumber: row.part_number,
    supplier: row.supplier,
    unitPrice: row.unit_price,
    currency: row.currency,
    leadTimeDays: row.lead_time_days,
    minOrderQty: row.min_order_qty,
    supplierSku: row.supplier_sku,
  }))
  .pipe(SupplierOfferInputSchema);
