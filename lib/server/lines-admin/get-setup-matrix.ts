import type { SetupMatrixView } from "@/lib/core/lines/line-admin-views";
import { productFamilies } from "@/lib/core/lines/product-families";
import { matrixFamilies } from "@/lib/core/lines/setup-matrix";
import { can, type Actor } from "@/lib/core/policy";
import { db } from "../db";
import { readSetupTable } from "./read-setup-table";
import { requireLineStaff } from "./require-line-staff";

/**
 * The setup matrix with the families it should show: those it lists, those the factory's
 * products can become (draft and published) and those of its open jobs, with how many use each.
 */
export async function getSetupMatrix(actor: Actor): Promise<SetupMatrixView> {
  const staff = requireLineStaff(actor, "line.read");
  const manufacturerId = staff.organizationId;
  const [table, products, jobs] = await Promise.all([
    readSetupTable(db, manufacturerId),
    db.product.findMany({
      where: { manufacturerId, status: { not: "archived" } },
      select: { draftDefinition: true, versions: { orderBy: { version: "desc" }, take: 1, select: { definition: true } } },
    }),
    db.productionJob.groupBy({ by: ["family"], where: { manufacturerId, status: { notIn: ["done", "cancelled"] } }, _count: { _all: true } }),
  ]);
  const productCounts = new Map<string, number>();
  for (const product of products) {
    const families = new Set([...productFamilies(product.draftDefinition), ...product.versions.flatMap((version) => productFamilies(version.definition))]);
    for (const family of families) productCounts.set(family, (productCounts.get(family) ?? 0) + 1);
  }
  const jobCounts = new Map(jobs.map((row) => [row.family, row._count._all]));
  return {
    table,
    families: matrixFamilies(table, productCounts.keys(), jobCounts.keys()).map((family) => ({ family, products: productCounts.get(family) ?? 0, jobs: jobCounts.get(family) ?? 0 })),
    canManage: can(actor, "line.manage", { manufacturerId }),
  };
}
