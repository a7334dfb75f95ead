import { z } from "zod";

const DateOnly = z.iso.date({ error: "Use a date like 2026-12-24." });

/** The supplier portal's filters, from a query string. */
export const PartsRequestFilterSchema = z.object({
  status: z.enum(["requested", "confirmed", "rejected", "received", "withdrawn"]).optional(),
  manufacturerId: z.string().min(1).max(64).optional(),
  part: z.string().trim().min(1).max(64).optional(),
  neededFrom: DateOnly.optional(),
  neededTo: DateOnly.optional(),
  cursor: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type PartsRequestFilter = z.infer<typeof PartsRequestFilterSchema>;

export const BulkConfirmSchema = z.object({
  requestIds: z.array(z.string().min(1).max(64)).min(1, "Choose at least one request.").max(200, "At most 200 at once."),
  promisedDate: DateOnly,
});
export type BulkConfirm = z.infer<typeof BulkConfirmSchema>;
