import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireArea } from "@/lib/server/auth/page-guard";
import { AppError } from "@/lib/server/errors";
import { getLineSettings } from "@/lib/server/lines-admin/get-line-settings";
import { LineSettingsEditor } from "@/components/lines-admin/line-settings-editor";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Line settings" };

type Props = { params: Promise<{ lineId: string }> };

export default async function LineSettingsPage({ params }: Props) {
  const { lineId } = await params;
  const actor = await requireArea("board", `/lines/manage/${encodeURIComponent(lineId)}`);
  const view = await getLineSettings(actor, lineId.slice(0, 64)).catch((error) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  return (
    <>
      <PageHeader
        title={`${view.line.code} · ${view.line.name}`}
        description={
          <>
            <Link href="/lines/manage" className="text-brand-600 hover:underline">
              Lines and calendars
            </Link>{" "}
            ·{" "}
            <Link href={`/lines/${view.line.id}`} className="text-brand-600 hover:underline">
              live status and OEE
            </Link>
            {view.permissions.manage ? (
              <>
                {" "}
                ·{" "}
                <Link href={`/admin/lines/${view.line.id}`} className="text-brand-600 hover:underline">
                  credentials
                </Link>
              </>
            ) : null}
          </>
        }
      />
      <LineSettingsEditor initial={view} />
    </>
  );
}
