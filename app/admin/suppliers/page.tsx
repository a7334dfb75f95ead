import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireArea } from "@/lib/server/auth/page-guard";
import { listSuppliersForManufacturer } from "@/lib/server/supplier-admin/manage-suppliers";
import { SuppliersAdmin } from "@/components/admin/suppliers-admin";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Suppliers" };

export default async function AdminSuppliersPage() {
  const actor = await requireArea("admin", "/admin/suppliers");
  if (actor.organizationKind !== "manufacturer") redirect("/admin/users");
  const suppliers = await listSuppliersForManufacturer(actor);
  return (
    <>
      <PageHeader title="Suppliers" description="The supplier organizations that serve your factory. Parts requests go only to these." />
      <SuppliersAdmin initial={suppliers} />
    </>
  );
}
