import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getAdminOverview } from "@/lib/server/admin/get-admin-overview";
import { requireArea } from "@/lib/server/auth/page-guard";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  const actor = await requireArea("admin", "/admin");
  // A supplier's admin manages only its users; the factory's catalogue and lines are not theirs.
  if (actor.organizationKind !== "manufacturer") redirect("/admin/users");
  const overview = await getAdminOverview(actor);
  const tiles = [
    { label: "Products", value: overview.products, href: "/admin/products" },
    { label: "Parts", value: overview.parts, href: "/admin/parts" },
    { label: "Suppliers", value: overview.suppliers, href: "/admin/suppliers" },
    { label: "Lines", value: overview.lines, href: "/admin/lines" },
    { label: "Line settings, shifts and setups", value: overview.lines, href: "/lines/manage" },
    { label: "Users", value: overview.users, href: "/admin/users" },
    { label: "Audit entries", value: overview.auditEntries, href: "/admin/audit" },
  ];
  return (
    <>
      <PageHeader title="Administration" description="Products, parts, suppliers, lines, users and line credentials of your factory." />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {tiles.map((tile) => {
          const body = (
            <Card className="p-5">
              <div className="text-sm text-slate-600">{tile.label}</div>
              <div className="mt-1 text-3xl font-semibold">{tile.value}</div>
            </Card>
          );
          return tile.href ? (
            <Link key={tile.label} href={tile.href} className="block rounded-xl hover:ring-2 hover:ring-brand-100">
              {body}
            </Link>
          ) : (
            <div key={tile.label}>{body}</div>
          );
        })}
      </div>
    </>
  );
}
