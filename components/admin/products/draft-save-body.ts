import { canonicalJson } from "@/lib/core/json/canonical-json";
import { SECTION_FIELDS, SECTIONS, type DraftDocument, type Section } from "./editor-types";

const pick = (document: DraftDocument, fields: readonly (keyof DraftDocument)[]) => Object.fromEntries(fields.map((field) => [field, document[field]]));
const ALL_SECTION_FIELDS = SECTIONS.flatMap((section) => SECTION_FIELDS[section]);
const rest = (document: DraftDocument) => Object.fromEntries(Object.entries(document).filter(([field]) => !(ALL_SECTION_FIELDS as string[]).includes(field)));

/** The sections whose content differs between two documents (key order does not matter). */
export function changedSections(draft: DraftDocument, saved: DraftDocument): Section[] {
  return SECTIONS.filter((section) => canonicalJson(pick(draft, SECTION_FIELDS[section])) !== canonicalJson(pick(saved, SECTION_FIELDS[section])));
}

export const isDirty = (draft: DraftDocument, saved: DraftDocument) => canonicalJson(draft) !== canonicalJson(saved);

/**
 * The PUT body for a save: just the one section when only one changed (a smaller request, and
 * the server replaces only that part), else the whole document.
 */
export function draftSaveBody(draft: DraftDocument, saved: DraftDocument, revision: number) {
  const sections = changedSections(draft, saved);
  const onlySection = sections.length === 1 && canonicalJson(rest(draft)) === canonicalJson(rest(saved)) ? sections[0]! : null;
  if (!onlySection) return { revision, definition: draft };
  const value = onlySection === "basics" ? pick(draft, SECTION_FIELDS.basics) : draft[onlySection];
  return { revision, section: onlySection, value };
}
