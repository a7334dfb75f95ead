import type { Actor } from "@/lib/core/policy";
import { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "../audit/record-audit";
import { clock } from "../clock";
import { db } from "../db";
import { AppError, conflict } from "../errors";
import { checkDraft } from "./check-draft";
import { loadManagedProduct } from "./load-managed-product";
import { productColumns } from "./product-columns";
import type { PublishProduct } from "./publish-product.schema";
import { requireProductAdmin } from "./require-product-admin";
import { assertCurrentRevision } from "./stale-revision";

export type PublishedVersion = { versionId: string; version: number; publishedAt: string; revision: number; draftVersion: number };

/**
 * Freezes the draft as the next ProductVersion (version = draftVersion) and makes it the one
 * consumers configure and order; orders already placed keep the version they pinned. Refused
 * (409, with the problems) while `analyze` finds any — checked again here, the server's analysis
 * being the authority — or when the draft changed since the admin's revision. The draft then
 * carries on as the next version. One transaction, audited.
 */
export async function publishProduct(actor: Actor, productId: string, input: PublishProduct, address: string | null = null): Promise<PublishedVersion> {
  const admin = requireProductAdmin(actor);
  try {
    return await db.$transaction(async (tx) => {
      const product = await loadManagedProduct(tx, admin, productId);
      assertCurrentRevision(product.revision, input.revision);
      if (product.status === "archived") throw conflict("PRODUCT_ARCHIVED", "Unarchive the product before publishing it.");
      const version = product.draftVersion;
      const { definition, problems } = await checkDraft(
        tx,
        { manufacturerId: admin.organizationId, productId, version },
        product.draftDefinition as Record<string, unknown>,
      );
      if (problems.length > 0) {
        throw conflict("PRODUCT_HAS_PROBLEMS", `The analysis found ${problems.length} problem${problems.length === 1 ? "" : "s"}; fix ${problems.length === 1 ? "it" : "them"} before publishing.`, { problems });
      }
      const publishedAt = clock.now();
      const frozen = await tx.productVersion.create({
        data: { productId, version, definition: definition as unknown as Prisma.InputJsonValue, publishedAt, publishedById: admin.userId },
        select: { id: true },
      });
      const revision = product.revision + 1;
      await tx.product.update({
        where: { id: productId },
        data: {
          ...productColumns(definition),
          status: "published",
          publishedVersion: version,
          draftVersion: version + 1,
          draftDefinition: { ...definition, version: version + 1 } as unknown as Prisma.InputJsonValue,
          draftProblems: [],
          revision,
        },
      });
      await recordAudit(tx, { actor: admin, action: "product.publish", targetType: "product", targetId: productId, address, details: { version, versionId: frozen.id } });
      return { versionId: frozen.id, version, publishedAt: publishedAt.toISOString(), revision, draftVersion: version + 1 };
    });
  } catch (error) {
    // checkDraft saw the slug free; another product took it before this commit.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("SLUG_TAKEN", "Another product took this address meanwhile; choose another slug.", { status: 409 });
    }
    throw error;
  }
}
