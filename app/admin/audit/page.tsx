import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requireArea } from "@/lib/server/auth/page-guard";
import { listAuditLog } from "@/lib/server/lines/list-audit-log";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Audit log" };

const FILTERS = [
  { label: "All", action: undefined },
  { label: "Agent sign-ins", action: "agent." },
  { label: "Line credentials", action: "line-credential." },
  { label: "Line commands", action: "line.command" },
  { label: "Users", action: "user." },
  { label: "Sign-ins", action: "auth." },
  { label: "Lines and calendars", action: "line." },
  { label: "Products", action: "product." },
  { label: "Parts", action: "parts." },
  { label: "Suppliers and offers", action: "supplier" },
];

const SearchSchema = z.object({ action: z.string().max(40).optional(), before: z.string().regex(/^\d{1,19}$/).optional() });

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  const actor = await requireArea("admin", "/admin/audit");
  const parsed = SearchSchema.safeParse(await searchParams);
  const search = parsed.success ? parsed.data : {};
  const entries = await listAuditLog(actor, { action: search.action, before: search.before ? BigInt(search.before) : undefined, limit: 100 });
  const older = entries.length === 100 ? entries.at(-1)!.id : null;
  return (
    <>
      <PageHeader title="Audit log" description="Admin actions and every line agent sign-in, with where it came from. Entries are hash-chained: editing one breaks every later link." />
      <div className="mb-3 flex flex-wrap gap-2">
        {FILTERS.map((filter) => (
          <Link
            key={filter.label}
            href={filter.action ? `/admin/audit?action=${encodeURIComponent(filter.action)}` : "/admin/audit"}
            className={`rounded-full px-3 py-1 text-sm ${search.action === filter.action ? "bg-slate-900 text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200"}`}
          >
            {filter.label}
          </Link>
        ))}
      </div>
      <Card className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-2">When</th>
              <th className="px-4 py-2">Who</th>
              <th className="px-4 py-2">What</th>
              <th className="px-4 py-2">From</th>
              <th className="px-4 py-2">Details</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} className="border-b border-slate-100 align-top" data-testid="audit-row">
                <td className="whitespace-nowrap px-4 py-2 text-slate-600">{new Date(entry.at).toLocaleString()}</td>
                <td className="px-4 py-2">
                  {entry.actorType}
                  {entry.actorId ? <div className="text-xs text-slate-500">{entry.actorId}</div> : null}
                </td>
                <td className="px-4 py-2">
                  <span className="mr-2 font-medium">{entry.action}</span>
                  <Badge tone={entry.outcome === "success" ? "good" : "bad"}>{entry.outcome}</Badge>
                  {entry.targetType ? <div className="text-xs text-slate-500">{entry.targetType} {entry.targetId}</div> : null}
                </td>
                <td className="px-4 py-2 text-slate-600">{entry.address ?? "—"}</td>
                <td className="max-w-md px-4 py-2 font-mono text-xs break-all text-slate-600">{entry.details ? JSON.stringify(entry.details) : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {entries.length === 0 ? <div className="p-4 text-sm text-slate-500">No entries.</div> : null}
      </Card>
      {older ? (
        <div className="mt-3">
          <Link href={`/admin/audit?${new URLSearchParams({ ...(search.action ? { action: search.action } : {}), before: older })}`} className="text-sm text-brand-600 hover:underline">
            Older entries →
          </Link>
        </div>
      ) : null}
    </>
  );
}
