import type { Metadata } from "next";
import Link from "next/link";
import { requireArea } from "@/lib/server/auth/page-guard";
import { getSetupMatrix } from "@/lib/server/lines-admin/get-setup-matrix";
import { SetupMatrixEditor } from "@/components/lines-admin/setup-matrix-editor";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Setup matrix" };

export default async function SetupMatrixPage() {
  const actor = await requireArea("board", "/lines/manage/setup-matrix");
  const view = await getSetupMatrix(actor);
  return (
    <>
      <PageHeader
        title="Setup matrix"
        description={
          <>
            <Link href="/lines/manage" className="text-brand-600 hover:underline">
              Lines and calendars
            </Link>{" "}
            · Changeover minutes between job families, the same on every line.{view.canManage ? "" : " Only admins change them."}
          </>
        }
      />
      <SetupMatrixEditor initial={view} />
    </>
  );
}
