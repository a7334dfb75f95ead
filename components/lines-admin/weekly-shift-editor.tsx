"use client";

import { useMutation } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { apiFetch, ApiError } from "@/components/api-fetch";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { describeShift, findShiftOverlaps, shiftLengthMinutes, sortShifts, type WeeklyShift } from "@/lib/core/lines/weekly-shifts";
import { apiFieldErrors, errorsUnder } from "./field-errors";
import { ShiftDialog, type ShiftDialogTarget } from "./shift-dialog";
import { WeekGrid } from "./week-grid";

type Props = { lineId: string; version: number; shifts: WeeklyShift[]; canManage: boolean; onSaved: (message: string) => void; onConflict: (message: string) => void };

/**
 * The line's weekly shifts: the week drawn as a grid, shifts added, edited and removed in a
 * draft, then saved as a whole week against the line's version.
 */
export function WeeklyShiftEditor({ lineId, version, shifts, canManage, onSaved, onConflict }: Props) {
  const [draft, setDraft] = useState<WeeklyShift[]>(shifts);
  const [dialog, setDialog] = useState<ShiftDialogTarget | null>(null);
  const changed = JSON.stringify(sortShifts(draft)) !== JSON.stringify(sortShifts(shifts));
  const invalid = useMemo(() => new Set(findShiftOverlaps(draft).flat()), [draft]);
  const save = useMutation({
    mutationFn: () => apiFetch<{ version: number }>(`/api/admin/lines/${lineId}/shifts`, { method: "PUT", body: JSON.stringify({ version, shifts: sortShifts(draft) }) }),
    onSuccess: () => onSaved("Weekly shifts saved: the board and the scheduler use them now."),
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) onConflict(error.message);
    },
  });
  const serverErrors = errorsUnder(apiFieldErrors(save.error), "shifts");
  const weeklyHours = draft.reduce((sum, shift) => sum + shiftLengthMinutes(shift), 0) / 60;
  const ordered = draft.map((shift, index) => ({ shift, index })).sort((a, b) => a.shift.weekday - b.shift.weekday || a.shift.startMinute - b.shift.startMinute);

  return (
    <Card className="space-y-4 p-5" aria-labelledby="weekly-shifts-title">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 id="weekly-shifts-title" className="font-semibold">
            Weekly shifts
          </h2>
          <p className="text-sm text-slate-600">
            {draft.length} shift(s), {weeklyHours.toLocaleString("en-GB", { maximumFractionDigits: 1 })} h a week{changed ? " · unsaved changes" : ""}
          </p>
        </div>
        {canManage ? (
          <div className="flex gap-2">
            <Button variant="secondary" size="sm" onClick={() => setDialog({ mode: "add" })}>
              Add shift
            </Button>
            {changed ? (
              <Button variant="ghost" size="sm" onClick={() => setDraft(shifts)}>
                Discard changes
              </Button>
            ) : null}
            <Button size="sm" disabled={!changed || invalid.size > 0 || save.isPending} onClick={() => save.mutate()}>
              {save.isPending ? "Saving…" : "Save week"}
            </Button>
          </div>
        ) : null}
      </div>
      {save.error && !(save.error instanceof ApiError && save.error.status === 409) ? <Alert tone="error">{save.error.message}</Alert> : null}
      <WeekGrid shifts={draft} invalid={invalid} disabled={!canManage} onEdit={(index) => setDialog({ mode: "edit", index })} />
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Weekly shifts</caption>
        <thead className="text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="py-1">Shift</th>
            <th scope="col" className="py-1">Hours</th>
            <th scope="col" className="py-1">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {ordered.length === 0 ? (
            <tr>
              <td colSpan={3} className="py-2 text-slate-500">
                No shifts: the line has no production time unless an extra shift gives it some.
              </td>
            </tr>
          ) : null}
          {ordered.map(({ shift, index }) => (
            <tr key={`${index}-${describeShift(shift)}`} className="border-t border-slate-100">
              <td className="py-1.5">
                {describeShift(shift)}
                {serverErrors[String(index)] ? <div className="text-sm text-red-600">{serverErrors[String(index)]}</div> : null}
              </td>
              <td className="py-1.5 tabular-nums">{(shiftLengthMinutes(shift) / 60).toLocaleString("en-GB", { maximumFractionDigits: 2 })}</td>
              <td className="py-1.5 text-right">
                {canManage ? (
                  <span className="flex justify-end gap-1">
                    <Button variant="ghost" size="sm" onClick={() => setDialog({ mode: "edit", index })} aria-label={`Edit ${describeShift(shift)}`}>
                      Edit
                    </Button>
                    <Button variant="ghost" size="sm" onClick={() => setDraft(draft.filter((_, i) => i !== index))} aria-label={`Remove ${describeShift(shift)}`}>
                      Remove
                    </Button>
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {dialog ? (
        <ShiftDialog
          target={dialog}
          shifts={draft}
          onApply={(next) => {
            setDraft(next);
            setDialog(null);
          }}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </Card>
  );
}
