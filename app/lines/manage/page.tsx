import type { Metadata } from "next";
import Link from "next/link";
import { requireArea } from "@/lib/server/auth/page-guard";
import { listLineSettings } from "@/lib/server/lines-admin/list-line-settings";
import { CreateLineDialog } from "@/components/lines-admin/create-line-dialog";
import { LinesTable } from "@/components/lines-admin/lines-table";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Lines and calendars" };

export default async function ManageLinesPage() {
  const actor = await requireArea("board", "/lines/manage");
  const list = await listLineSettings(actor);
  return (
    <>
      <PageHeader
        title="Lines and calendars"
        description={
          <>
            What each line can do, how fast, and when it works — what the scheduler plans with.{" "}
            {list.permissions.manage ? "Planners may add holidays and maintenance windows." : "You may add holidays and maintenance windows; admins change the rest."}
          </>
        }
        actions={
          <>
            <Button asChild variant="secondary">
              <Link href="/lines/manage/setup-matrix">Setup matrix</Link>
            </Button>
            {list.permissions.manage ? <CreateLineDialog lines={list.lines.map((line) => ({ id: line.id, code: line.code }))} defaultTimeZone={list.factoryTimeZone} /> : null}
          </>
        }
      />
      <LinesTable initial={list} />
    </>
  );
}
