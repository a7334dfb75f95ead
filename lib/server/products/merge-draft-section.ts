import { DRAFT_SECTION_FIELDS, type DraftSection } from "@/lib/core/configurator/draft-sections";

type Document = Record<string, unknown>;

/**
 * The section replaces what it owns, whole: a basics value without `description` removes the
 * description. List sections are the list itself; basics and routing are objects. Anything the
 * section does not own is a 422 naming `value.<field>` rather than silently ignored.
 */
export function mergeDraftSection(document: Document, section: DraftSection, value: unknown[] | Document): { merged: Document; strayFields: string[] } {
  const fields: readonly string[] = DRAFT_SECTION_FIELDS[section];
  if (section !== "basics") return { merged: { ...document, [section]: value }, strayFields: [] };
  if (Array.isArray(value)) return { merged: document, strayFields: ["(value)"] };
  const merged: Document = { ...document };
  for (const field of fields) {
    if (value[field] === undefined) delete merged[field];
    else merged[field] = value[field];
  }
  return { merged, strayFields: Object.keys(value).filter((field) => !fields.includes(field)) };
}
