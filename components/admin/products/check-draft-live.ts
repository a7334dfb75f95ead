import { analyze, evaluate, ProductDefinitionSchema, type AnalysisProblem, type ProductDefinition } from "@/lib/core/configurator";
import { renderPreviewSvg } from "@/lib/core/preview/render-preview-svg";
import type { DraftDocument, FieldIssue, PartChoice } from "./editor-types";

export type DefaultsPreview = { svg: string; unitPrice: number; currency: string; complete: boolean; family: string; minutesPerUnit: number };

export type LiveCheck = {
  /** Parses and names only known parts: what the server would accept as a save. */
  saveable: boolean;
  issues: FieldIssue[];
  /** The same analysis the server runs; empty while the document does not parse. */
  problems: AnalysisProblem[];
  definition: ProductDefinition | null;
  preview: DefaultsPreview | null;
};

/**
 * The browser's copy of the server's checks on a save: the schema (errors by path), the parts
 * catalogue, then `analyze`, and the product as it comes by default (evaluate + the preview).
 * The server repeats all of it and its answer is the authority.
 */
export function checkDraftLive(draft: DraftDocument, parts: readonly PartChoice[]): LiveCheck {
  const parsed = ProductDefinitionSchema.safeParse(draft);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join(".") || "(document)", message: issue.message }));
    return { saveable: false, issues, problems: [], definition: null, preview: null };
  }
  const definition = parsed.data;
  const known = new Set(parts.map((part) => part.partNumber));
  const issues = definition.bom.flatMap((line, index) =>
    known.has(line.partNumber) ? [] : [{ path: `bom.${index}.partNumber`, message: `No part ${line.partNumber} in your parts catalogue.` }],
  );
  const evaluation = evaluate(definition, {});
  return {
    saveable: issues.length === 0,
    issues,
    problems: analyze(definition).problems,
    definition,
    preview: {
      svg: renderPreviewSvg(definition, evaluation.configuration),
      unitPrice: evaluation.price.unitPrice,
      currency: evaluation.currency,
      complete: evaluation.valid,
      family: evaluation.job.family,
      minutesPerUnit: evaluation.job.minutesPerUnit,
    },
  };
}
