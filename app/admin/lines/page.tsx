import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requireArea } from "@/lib/server/auth/page-guard";
import { listLineCredentialOverview } from "@/lib/server/lines/list-line-credential-overview";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Lines and credentials" };

export default async function AdminLinesPage() {
  const actor = await requireArea("admin", "/admin/lines");
  if (actor.organizationKind !== "manufacturer") redirect("/admin/users");
  const lines = await listLineCredentialOverview(actor);
  return (
    <>
      <PageHeader title="Lines and credentials" description="Each line's agent signs in with a credential; issue, rotate and revoke them here." />
      <Card className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-2">Line</th>
              <th className="px-4 py-2">Agent</th>
              <th className="px-4 py-2">Usable credentials</th>
              <th className="px-4 py-2">Last sign-in</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.id} className="border-b border-slate-100" data-testid={`admin-line-${line.code}`}>
                <td className="px-4 py-2">
                  <Link href={`/admin/lines/${line.id}`} className="font-medium text-brand-600 hover:underline">
                    {line.code}
                  </Link>
                  <div className="text-xs text-slate-500">{line.name}</div>
                </td>
                <td className="px-4 py-2">
                  <Badge tone={line.online ? "good" : "neutral"}>{line.online ? "online" : "offline"}</Badge>
                </td>
                <td className="px-4 py-2">{line.activeCredentials}</td>
                <td className="px-4 py-2 text-slate-600">{line.lastUsedAt ? `${new Date(line.lastUsedAt).toLocaleString()} from ${line.lastUsedAddress ?? "?"}` : "never"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}
