import { z } from "zod";

export const CreateLineCredentialSchema = z.strictObject({
  label: z.string().trim().max(80).default(""),
  /** Days until the credential expires; none = until revoked. */
  expiresInDays: z.number().int().min(1).max(3_650).optional(),
});
export type CreateLineCredential = z.infer<typeof CreateLineCredentialSchema>;

export const RotateLineCredentialSchema = z.strictObject({
  /** How long the old token keeps working, so the agent can be switched over without a gap. */
  graceHours: z.number().int().min(0).max(24 * 30).default(24),
  label: z.string().trim().max(80).optional(),
});
export type RotateLineCredential = z.infer<typeof RotateLineCredentialSchema>;
