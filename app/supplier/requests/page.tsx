import type { Metadata } from "next";
import { requireArea } from "@/lib/server/auth/page-guard";
import { listPartsRequestsForSupplier } from "@/lib/server/suppliers/list-parts-requests-for-supplier";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Parts requests" };

const STATUS_TONE = { requested: "info", confirmed: "good", rejected: "bad", received: "neutral", withdrawn: "neutral" } as const;

export default async function SupplierRequestsPage() {
  const actor = await requireArea("supplier", "/supplier/requests");
  const requests = await listPartsRequestsForSupplier(actor);
  const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
  return (
    <>
      <PageHeader title="Parts requests" description="What the manufacturers you serve need from you." />
      <Card className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-2">Manufacturer</th>
              <th className="px-4 py-2">Part</th>
              <th className="px-4 py-2">Quantity</th>
              <th className="px-4 py-2">Needed by</th>
              <th className="px-4 py-2">Order</th>
              <th className="px-4 py-2">Status</th>
            </tr>
          </thead>
          <tbody>
            {requests.length === 0 ? (
              <tr>
                <td colSpan={6} className="px-4 py-8 text-center text-slate-500">
                  No parts requests yet. New requests appear here as customers order.
                </td>
              </tr>
            ) : (
              requests.map((request) => (
                <tr key={request.id} className="border-b border-slate-100">
                  <td className="px-4 py-2">{request.manufacturer.name}</td>
                  <td className="px-4 py-2">
                    <div className="font-medium">{request.part.partNumber}</div>
                    <div className="text-xs text-slate-500">{request.part.name}</div>
                  </td>
                  <td className="px-4 py-2">
                    {request.quantity} {request.part.unit}
                  </td>
                  <td className="px-4 py-2">{dateFormat.format(request.neededBy)}</td>
                  <td className="px-4 py-2">{request.order.number}</td>
                  <td className="px-4 py-2">
                    <Badge tone={STATUS_TONE[request.status]}>{request.status}</Badge>
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </Card>
    </>
  );
}
