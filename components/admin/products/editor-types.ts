import type { AnalysisProblem, ProductDefinition } from "@/lib/core/configurator";
import { DRAFT_SECTIONS as SECTIONS, DRAFT_SECTION_FIELDS as SECTION_FIELDS, type DraftSection as Section } from "@/lib/core/configurator/draft-sections";

/** GET /api/admin/products/:id — what the editor opens with (lib/server/products/get-product-draft.ts). */
export type ProductDraftData = {
  id: string;
  slug: string;
  manufacturerSlug: string;
  status: "draft" | "published" | "archived";
  revision: number;
  draftVersion: number;
  publishedVersion: number | null;
  definition: Record<string, unknown>;
  problems: AnalysisProblem[];
  draftDiffers: boolean;
  updatedAt: string;
  versions: ProductVersionEntry[];
  parts: PartChoice[];
};

export type ProductVersionEntry = { id: string; version: number; publishedAt: string; publishedBy: string | null; orderItems: number };
export type PartChoice = { partNumber: string; name: string; unit: string };

/**
 * The document while the admin edits it: shaped like a definition, but possibly invalid
 * (an empty label, a number being typed) until ProductDefinitionSchema says otherwise.
 */
export type DraftDocument = ProductDefinition;

/** A schema error or a server 422 field, by its path in the document ("rules.2.when.0.group"). */
export type FieldIssue = { path: string; message: string };

/** The editor's tabs, which are also the sections the API saves one at a time. */
export { SECTIONS, SECTION_FIELDS, type Section };

/** Which tab a document path belongs to, to count errors per tab and jump to them. */
export function sectionOf(path: string): Section {
  const field = path.split(".")[0] as keyof DraftDocument;
  return SECTIONS.find((section) => SECTION_FIELDS[section].includes(field)) ?? "basics";
}
