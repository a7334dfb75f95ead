import { z } from "zod";
import { DRAFT_SECTIONS, type DraftSection } from "@/lib/core/configurator/draft-sections";

/** The editor's tabs: each saves one part of the document (see merge-draft-section.ts). */
export const DraftSectionSchema = z.enum(DRAFT_SECTIONS);
export type { DraftSection };

const RevisionSchema = z.number().int().min(1);
const JsonObjectSchema = z.record(z.string(), z.unknown());

/**
 * A save names the revision it was edited from (409 when another save came first) and carries
 * either the whole document or one section. Only the envelope is checked here; the document
 * itself is checked whole by ProductDefinitionSchema after merging, so every error names its
 * path in the document ("rules.2.when.0.group").
 */
export const SaveProductDraftSchema = z.union([
  z.strictObject({ revision: RevisionSchema, definition: JsonObjectSchema }),
  z.strictObject({ revision: RevisionSchema, section: DraftSectionSchema, value: z.union([z.array(z.unknown()), JsonObjectSchema]) }),
]);
export type SaveProductDraft = z.infer<typeof SaveProductDraftSchema>;
