import { z } from "zod";

export const SetProductArchivedSchema = z.strictObject({ archived: z.boolean() });
export type SetProductArchived = z.infer<typeof SetProductArchivedSchema>;
