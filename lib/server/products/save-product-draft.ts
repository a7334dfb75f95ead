import type { Actor } from "@/lib/core/policy";
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "../audit/record-audit";
import { db } from "../db";
import { AppError } from "../errors";
import { checkDraft, type DraftProblem } from "./check-draft";
import { draftDiffers } from "./draft-differs";
import { loadManagedProduct } from "./load-managed-product";
import { mergeDraftSection } from "./merge-draft-section";
import { productColumns } from "./product-columns";
import { requireProductAdmin } from "./require-product-admin";
import type { SaveProductDraft } from "./save-product-draft.schema";
import { assertCurrentRevision } from "./stale-revision";

export type SavedDraft = { revision: number; problems: DraftProblem[]; draftDiffers: boolean };

/**
 * Saves the draft — the whole document or one section — if it was edited from the stored
 * revision (409 otherwise, never a silent overwrite). The document must parse and name only
 * parts the manufacturer has (422 naming the path); its analysis is stored and returned, and a
 * draft with problems is still saved: only publishing needs a clean analysis. One transaction,
 * audited.
 */
export async function saveProductDraft(actor: Actor, productId: string, input: SaveProductDraft, address: string | null = null): Promise<SavedDraft> {
  const admin = requireProductAdmin(actor);
  return db.$transaction(async (tx) => {
    const product = await loadManagedProduct(tx, admin, productId);
    assertCurrentRevision(product.revision, input.revision);
    let document: Record<string, unknown>;
    if ("definition" in input) {
      document = input.definition;
    } else {
      const { merged, strayFields } = mergeDraftSection(product.draftDefinition as Record<string, unknown>, input.section, input.value);
      if (strayFields.length > 0) {
        const fields = strayFields.map((field) => ({ path: `value.${field}`, message: `not part of the ${input.section} section` }));
        throw new AppError("VALIDATION_FAILED", `Invalid ${fields[0]!.path}: ${fields[0]!.message}`, { status: 422, details: { fields } });
      }
      document = merged;
    }
    const { definition, problems } = await checkDraft(tx, { manufacturerId: admin.organizationId, productId, version: product.draftVersion }, document);
    const revision = product.revision + 1;
    await tx.product.update({
      where: { id: productId },
      data: {
        draftDefinition: definition as unknown as Prisma.InputJsonValue,
        draftProblems: problems as unknown as Prisma.InputJsonValue,
        revision,
        // Before the first publish the row describes the draft; afterwards the published version.
        ...(product.publishedVersion === null ? productColumns(definition) : {}),
      },
    });
    await recordAudit(tx, {
      actor: admin,
      action: "product.draft.save",
      targetType: "product",
      targetId: productId,
      address,
      details: { section: "definition" in input ? "all" : input.section, revision, problems: problems.length },
    });
    const published =
      product.publishedVersion === null
        ? null
        : await tx.productVersion.findUnique({ where: { productId_version: { productId, version: product.publishedVersion } }, select: { definition: true } });
    return { revision, problems, draftDiffers: published !== null && draftDiffers(definition, published.definition) };
  });
}
