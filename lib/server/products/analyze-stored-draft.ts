import { analyze, ProductDefinitionSchema, type AnalysisProblem } from "@/lib/core/configurator";

/**
 * The problems of a stored draft: as saved, or — for a draft never saved through the editor
 * (the seed writes documents directly) — analyzed now; reads write nothing. A draft that does
 * not parse has no analysis (the editor shows its schema errors instead).
 */
export function problemsOfStoredDraft(draftDefinition: unknown, draftProblems: unknown): AnalysisProblem[] {
  if (Array.isArray(draftProblems)) return draftProblems as AnalysisProblem[];
  const parsed = ProductDefinitionSchema.safeParse(draftDefinition);
  return parsed.success ? analyze(parsed.data).problems : [];
}
