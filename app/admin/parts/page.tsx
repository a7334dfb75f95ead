import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireArea } from "@/lib/server/auth/page-guard";
import { listParts } from "@/lib/server/parts/list-parts";
import { listSuppliersForManufacturer } from "@/lib/server/supplier-admin/manage-suppliers";
import { PartsAdmin, type AdminPart } from "@/components/admin/parts-admin";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Parts" };

export default async function AdminPartsPage() {
  const actor = await requireArea("admin", "/admin/parts");
  if (actor.organizationKind !== "manufacturer") redirect("/admin/users");
  const [parts, suppliers] = await Promise.all([listParts(actor), listSuppliersForManufacturer(actor)]);
  return (
    <>
      <PageHeader title="Parts and supplier offers" description="On-hand stock, and who can deliver each part at what price and lead time." />
      <PartsAdmin initial={parts as AdminPart[]} supplierSlugs={suppliers.filter((s) => s.servesUs).map((s) => s.slug)} />
    </>
  );
}
