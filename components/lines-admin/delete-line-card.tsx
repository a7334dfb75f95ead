"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";

/** Deleting a line: refused by the server while jobs are planned on it. */
export function DeleteLineCard({ lineId, code, plannedJobs }: { lineId: string; code: string; plannedJobs: number }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => apiFetch(`/api/admin/lines/${lineId}`, { method: "DELETE" }),
    onSuccess: () => router.push("/lines/manage"),
    onSettled: () => setConfirming(false),
  });
  return (
    <Card className="space-y-3 border-red-200 p-5" aria-labelledby="delete-title">
      <h2 id="delete-title" className="font-semibold text-red-800">
        Delete this line
      </h2>
      <p className="text-sm text-slate-600">
        {plannedJobs > 0
          ? `${plannedJobs} job(s) are planned on ${code}: move them to other lines or the backlog before deleting it.`
          : `Its calendar, credentials and event history go with it. Finished jobs keep their record.`}
      </p>
      {remove.error ? <Alert tone="error">{remove.error.message}</Alert> : null}
      <Button variant="danger" onClick={() => setConfirming(true)}>
        Delete {code}
      </Button>
      <Dialog open={confirming} onOpenChange={setConfirming} title={`Delete ${code}?`} description="This cannot be undone.">
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            Keep it
          </Button>
          <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
            {remove.isPending ? "Deleting…" : "Delete line"}
          </Button>
        </div>
      </Dialog>
    </Card>
  );
}
