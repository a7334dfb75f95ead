import { randomUUID } from "node:crypto";
import type { BomLine } from "@/lib/core/configurator";
import { exampleCatalog } from "@/lib/core/configurator/examples";
import type { Actor } from "@/lib/core/policy";
import { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "../audit/record-audit";
import { db, type Tx } from "../db";
import { AppError, notFound } from "../errors";
import { blankProductTemplate } from "./blank-product-template";
import { checkDraft, type DraftProblem } from "./check-draft";
import type { CreateProduct } from "./create-product.schema";
import { productColumns } from "./product-columns";
import { requireProductAdmin, type ProductAdmin } from "./require-product-admin";

export type CreatedProduct = { id: string; revision: number; problems: DraftProblem[]; removedBomLines: string[] };

/**
 * A new draft product (never published, so not in the catalogue): from the blank template, a
 * copy of a demo example, or a copy of another of the manufacturer's products. A copied BOM line
 * whose part this manufacturer does not stock is left out and reported, rather than refusing the
 * copy — the admin adds their own part in the editor. One transaction, audited.
 */
export async function createProduct(actor: Actor, input: CreateProduct, address: string | null = null): Promise<CreatedProduct> {
  const admin = requireProductAdmin(actor);
  try {
    return await db.$transaction(async (tx) => {
      const source = await sourceDocument(tx, admin, input.source);
      const knownParts = await tx.part.findMany({
        where: { manufacturerId: admin.organizationId, partNumber: { in: source.bom.map((line) => line.partNumber) } },
        select: { partNumber: true },
      });
      const known = new Set(knownParts.map((part) => part.partNumber));
      const removedBomLines = source.bom.filter((line) => !known.has(line.partNumber)).map((line) => line.partNumber);
      const id = randomUUID();
      const document = { ...source.document, name: input.name, slug: input.slug, bom: source.bom.filter((line) => known.has(line.partNumber)) };
      const { definition, problems } = await checkDraft(tx, { manufacturerId: admin.organizationId, productId: id, version: 1 }, document);
      await tx.product.create({
        data: {
          id,
          manufacturerId: admin.organizationId,
          ...productColumns(definition),
          status: "draft",
          draftVersion: 1,
          draftDefinition: definition as unknown as Prisma.InputJsonValue,
          draftProblems: problems as unknown as Prisma.InputJsonValue,
        },
      });
      await recordAudit(tx, { actor: admin, action: "product.create", targetType: "product", targetId: id, address, details: { source: input.source, removedBomLines } });
      return { id, revision: 1, problems, removedBomLines };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("SLUG_TAKEN", "Another product took this address meanwhile; choose another slug.", { status: 409 });
    }
    throw error;
  }
}

async function sourceDocument(tx: Tx, admin: ProductAdmin, source: CreateProduct["source"]): Promise<{ document: Record<string, unknown>; bom: BomLine[] }> {
  switch (source.kind) {
    case "blank":
      return { document: blankProductTemplate(source.productType, source.currency), bom: [] };
    case "example": {
      const example = exampleCatalog.find((entry) => entry.product.slug === source.example);
      if (!example) {
        throw new AppError("VALIDATION_FAILED", `Invalid source.example: no example "${source.example}"`, {
          status: 422,
          details: { fields: [{ path: "source.example", message: `no example "${source.example}"` }] },
        });
      }
      return { document: { ...example.product }, bom: example.product.bom };
    }
    case "product": {
      const original = await tx.product.findFirst({ where: { id: source.productId, manufacturerId: admin.organizationId }, select: { draftDefinition: true } });
      if (!original) throw notFound("Product");
      const document = original.draftDefinition as Record<string, unknown>;
      return { document, bom: (document.bom as BomLine[] | undefined) ?? [] };
    }
  }
}
