import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireArea } from "@/lib/server/auth/page-guard";
import { AppError } from "@/lib/server/errors";
import { listLineCredentials } from "@/lib/server/lines/list-line-credentials";
import { LineCredentialsPanel } from "@/components/lines/line-credentials-panel";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Line credentials" };

type Props = { params: Promise<{ lineId: string }> };

export default async function AdminLineCredentialsPage({ params }: Props) {
  const { lineId } = await params;
  const actor = await requireArea("admin", `/admin/lines/${encodeURIComponent(lineId)}`);
  const { line, credentials } = await listLineCredentials(actor, lineId.slice(0, 64)).catch((error) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return (
    <>
      <PageHeader
        title={`Credentials of ${line.code}`}
        description={
          <>
            <Link href="/admin/lines" className="text-brand-600 hover:underline">
              Lines
            </Link>{" "}
            · {line.name} · line id <code className="text-xs">{line.id}</code>
          </>
        }
      />
      <LineCredentialsPanel
        lineId={line.id}
        initial={credentials.map((credential) => ({
          ...credential,
          createdAt: credential.createdAt.toISOString(),
          lastUsedAt: iso(credential.lastUsedAt),
          expiresAt: iso(credential.expiresAt),
          revokedAt: iso(credential.revokedAt),
        }))}
      />
    </>
  );
}
