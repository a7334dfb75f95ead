"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { formatMinuteOfDay, parseMinuteOfDay, WEEKDAY_NAMES } from "@/lib/core/lines/minutes-of-day";
import { WeeklyShiftsSchema, type WeeklyShift } from "@/lib/core/lines/weekly-shifts";

export type ShiftDialogTarget = { mode: "add" } | { mode: "edit"; index: number };

const WORKDAYS = [0, 1, 2, 3, 4];

/**
 * Adds a shift on one or more days, or edits one. The whole week is checked before the change
 * is taken, so an overlap is named here, with the shift it overlaps.
 */
export function ShiftDialog({ target, shifts, onApply, onClose }: { target: ShiftDialogTarget; shifts: WeeklyShift[]; onApply: (shifts: WeeklyShift[]) => void; onClose: () => void }) {
  const editing = target.mode === "edit" ? shifts[target.index] : undefined;
  const [days, setDays] = useState<number[]>(editing ? [editing.weekday] : WORKDAYS);
  const [start, setStart] = useState(editing ? formatMinuteOfDay(editing.startMinute) : "06:00");
  const [end, setEnd] = useState(editing ? formatMinuteOfDay(editing.endMinute % 1440) : "14:00");
  const [name, setName] = useState(editing?.name ?? "");
  const [errors, setErrors] = useState<{ days?: string; start?: string; end?: string; week?: string[] }>({});

  const apply = () => {
    const startMinute = parseMinuteOfDay(start);
    const endMinute = parseMinuteOfDay(end);
    const found = {
      days: days.length === 0 ? "Choose at least one day." : undefined,
      start: startMinute === null || startMinute >= 1440 ? "Give a start time (HH:MM)." : undefined,
      end: endMinute === null ? "Give an end time (HH:MM)." : endMinute === startMinute ? "A shift cannot end when it starts." : undefined,
    };
    if (found.days || found.start || found.end) return setErrors(found);
    const made = days.map((weekday) => ({ weekday, startMinute: startMinute!, endMinute: endMinute!, name: name.trim() }));
    const next = target.mode === "edit" ? shifts.map((shift, index) => (index === target.index ? made[0]! : shift)) : [...shifts, ...made];
    const checked = WeeklyShiftsSchema.safeParse(next);
    if (!checked.success) return setErrors({ week: checked.error.issues.map((issue) => issue.message) });
    onApply(checked.data);
  };

  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onClose())} title={editing ? "Edit shift" : "Add shift"} description="Times are the line's local time. An end at or before the start runs past midnight.">
      <form
        className="space-y-4"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          apply();
        }}
      >
        {errors.week ? (
          <Alert tone="error">
            <ul>
              {errors.week.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
        {editing ? (
          <Field id="shift-day" label="Day">
            <select id="shift-day" className="block h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-sm" value={days[0]} onChange={(event) => setDays([Number(event.target.value)])}>
              {WEEKDAY_NAMES.map((day, weekday) => (
                <option key={day} value={weekday}>
                  {day}
                </option>
              ))}
            </select>
          </Field>
        ) : (
          <fieldset aria-describedby={errors.days ? "shift-days-error" : undefined}>
            <legend className="text-sm font-medium text-slate-700">Days</legend>
            <div className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1">
              {WEEKDAY_NAMES.map((day, weekday) => (
                <label key={day} className="flex items-center gap-1.5 text-sm">
                  <input type="checkbox" checked={days.includes(weekday)} onChange={(event) => setDays(event.target.checked ? [...days, weekday].sort() : days.filter((d) => d !== weekday))} />
                  {day}
                </label>
              ))}
            </div>
            {errors.days ? (
              <p id="shift-days-error" role="alert" className="mt-1 text-sm text-red-600">
                {errors.days}
              </p>
            ) : null}
          </fieldset>
        )}
        <div className="grid grid-cols-2 gap-3">
          <Field id="shift-start" label="Starts" error={errors.start}>
            <Input id="shift-start" type="time" value={start} onChange={(event) => setStart(event.target.value)} aria-invalid={errors.start ? true : undefined} aria-describedby={errors.start ? "shift-start-error" : undefined} />
          </Field>
          <Field id="shift-end" label="Ends" error={errors.end}>
            <Input id="shift-end" type="time" value={end} onChange={(event) => setEnd(event.target.value)} aria-invalid={errors.end ? true : undefined} aria-describedby={errors.end ? "shift-end-error" : undefined} />
          </Field>
        </div>
        <Field id="shift-name" label="Name" hint="early, late, night …">
          <Input id="shift-name" value={name} maxLength={40} onChange={(event) => setName(event.target.value)} />
        </Field>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit">{editing ? "Apply" : days.length > 1 ? `Add ${days.length} shifts` : "Add shift"}</Button>
        </div>
      </form>
    </Dialog>
  );
}
