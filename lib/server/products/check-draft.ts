import { analyze, ProductDefinitionSchema, type AnalysisProblem, type ProductDefinition } from "@/lib/core/configurator";
import type { Tx } from "../db";
import { AppError, validationError } from "../errors";

export type DraftProblem = AnalysisProblem;
export type CheckedDraft = { definition: ProductDefinition; problems: DraftProblem[] };

type FieldError = { path: string; message: string };

/**
 * What every save (and every create) runs, in the caller's transaction: the document with the
 * server's own id and version, parsed by ProductDefinitionSchema (422 naming each bad path), its
 * BOM checked against the manufacturer's parts (422 naming each BOM line), its slug against the
 * manufacturer's other products, then `analyze`. A broken rule set is not an error here — it is
 * stored with its problems, and publishing refuses it.
 */
export async function checkDraft(
  tx: Tx,
  target: { manufacturerId: string; productId: string; version: number },
  document: Record<string, unknown>,
): Promise<CheckedDraft> {
  const parsed = ProductDefinitionSchema.safeParse({ ...document, id: target.productId, version: target.version });
  if (!parsed.success) throw validationError(parsed.error);
  const definition = parsed.data;

  const partNumbers = [...new Set(definition.bom.map((line) => line.partNumber))];
  const known = await tx.part.findMany({ where: { manufacturerId: target.manufacturerId, partNumber: { in: partNumbers } }, select: { partNumber: true } });
  const knownNumbers = new Set(known.map((part) => part.partNumber));
  const unknownLines: FieldError[] = definition.bom.flatMap((line, index) =>
    knownNumbers.has(line.partNumber) ? [] : [{ path: `bom.${index}.partNumber`, message: `No part ${line.partNumber} in your parts catalogue.` }],
  );
  if (unknownLines.length > 0) throw fieldsError("UNKNOWN_PARTS", unknownLines);

  const slugTaken = await tx.product.findFirst({
    where: { manufacturerId: target.manufacturerId, slug: definition.slug, id: { not: target.productId } },
    select: { name: true },
  });
  if (slugTaken) throw fieldsError("SLUG_TAKEN", [{ path: "slug", message: `"${definition.slug}" is already the address of ${slugTaken.name}.` }]);

  const { problems } = analyze(definition);
  return { definition, problems };
}

/** The same shape as a zod failure (422, details.fields), for checks zod cannot make. */
function fieldsError(code: string, fields: FieldError[]): AppError {
  const first = fields[0]!;
  const more = fields.length > 1 ? ` (and ${fields.length - 1} more)` : "";
  return new AppError(code, `Invalid ${first.path}: ${first.message}${more}`, { status: 422, details: { fields } });
}
