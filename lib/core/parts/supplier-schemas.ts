import { z } from "zod";
import { EmailSchema, NewPasswordSchema, PersonNameSchema } from "../accounts/account-schemas";


/** A manufacturer's admin registers a new supplier organization with its first admin. */
export const CreateSupplierSchema = z.object({
  name: z.string().trim().min(2, "Enter the supplier's name.").max(120).refine((v) => !/[<>\u0000-\u001f]/.test(v), "No < > or control characters."),
  slug: z.string().trim().toLowerCase().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Lowercase letters, digits and single dashes.").min(2).max(40),
  adminName: PersonNameSchema,
  adminEmail: EmailSchema,
  adminPassword: NewPasswordSchema,
});
export type CreateSupplier = z.infer<typeof CreateSupplierSchema>;
