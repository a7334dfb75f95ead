"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { LineSettingsView } from "@/lib/core/lines/line-admin-views";
import { CalendarExceptionsPanel } from "./calendar-exceptions-panel";
import { CalendarPreviewChart } from "./calendar-preview-chart";
import { DeleteLineCard } from "./delete-line-card";
import { LineSettingsCard } from "./line-settings-card";
import { WeeklyShiftEditor } from "./weekly-shift-editor";

/**
 * A line's settings page. The view is refetched after this page's own saves only, so the
 * version every save sends is the one this page last read: someone else's change meanwhile is a
 * 409 with a reload, never overwritten. Each editor keeps its draft until what it edits changes.
 */
export function LineSettingsEditor({ initial }: { initial: LineSettingsView }) {
  const queryClient = useQueryClient();
  const key = ["line-settings", initial.line.id];
  const view = useQuery({ queryKey: key, queryFn: () => apiFetch<LineSettingsView>(`/api/admin/lines/${initial.line.id}`), initialData: initial, staleTime: Infinity, refetchOnWindowFocus: false });
  const [conflict, setConflict] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const saved = (message: string) => {
    setConflict(null);
    setNotice(message);
    void refresh();
  };
  const { line, shifts, exceptions, preview, permissions, plannedJobs } = view.data;
  const settings = { id: line.id, code: line.code, name: line.name, capabilities: line.capabilities, speed: line.speed, timeZone: line.timeZone };
  return (
    <div className="space-y-6">
      {conflict ? (
        <Alert tone="error">
          {conflict}{" "}
          <Button
            size="sm"
            variant="secondary"
            onClick={() => {
              setConflict(null);
              void refresh();
            }}
          >
            Reload the line
          </Button>
        </Alert>
      ) : null}
      {notice && !conflict ? <Alert tone="success">{notice}</Alert> : null}
      <div className="grid gap-6 xl:grid-cols-2">
        <LineSettingsCard key={JSON.stringify(settings)} line={settings} version={line.version} canManage={permissions.manage} onSaved={saved} onConflict={setConflict} />
        <CalendarExceptionsPanel lineId={line.id} timeZone={line.timeZone} exceptions={exceptions} permissions={permissions} onChanged={refresh} />
      </div>
      <WeeklyShiftEditor key={JSON.stringify(shifts)} lineId={line.id} version={line.version} shifts={shifts} canManage={permissions.manage} onSaved={saved} onConflict={setConflict} />
      <CalendarPreviewChart preview={preview} />
      {permissions.manage ? <DeleteLineCard lineId={line.id} code={line.code} plannedJobs={plannedJobs} /> : null}
    </div>
  );
}
