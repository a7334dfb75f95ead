import type { Metadata } from "next";
import { requireArea } from "@/lib/server/auth/page-guard";
import { listPartsRequestsForSupplier } from "@/lib/server/suppliers/list-parts-requests-for-supplier";
import { PartsRequestInbox } from "@/components/suppliers/parts-request-inbox";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Parts requests" };

export default async function SupplierRequestsPage() {
  const actor = await requireArea("supplier", "/supplier/requests");
  const page = await listPartsRequestsForSupplier(actor, { limit: 100 });
  // Dates cross to the client component as ISO strings, as the API sends them.
  const initial = JSON.parse(JSON.stringify(page));
  return (
    <>
      <PageHeader title="Parts requests" description="What the manufacturers you serve need from you. New requests appear live." />
      <PartsRequestInbox supplierId={actor.organizationId!} initial={initial} />
    </>
  );
}
