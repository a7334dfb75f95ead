import { z } from "zod";

/** Publishing names the revision the admin reviewed: a draft changed since is not published blind. */
export const PublishProductSchema = z.strictObject({ revision: z.number().int().min(1) });
export type PublishProduct = z.infer<typeof PublishProductSchema>;
