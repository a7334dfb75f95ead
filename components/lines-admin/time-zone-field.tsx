"use client";

import { useMemo } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { timeZoneChoices } from "@/lib/core/lines/time-zone";

/** Shown, not editable: planners read a line's settings. */
export const READ_ONLY = "disabled:border-slate-200 disabled:bg-slate-50 disabled:text-slate-600";

/** An IANA time zone, typed with suggestions from the browser's own list. */
export function TimeZoneField({ id, value, error, disabled, onChange }: { id: string; value: string; error?: string; disabled?: boolean; onChange: (value: string) => void }) {
  const zones = useMemo(() => timeZoneChoices(), []);
  return (
    <Field id={id} label="Time zone" error={error} hint="The line's local time: shifts are in it, and keep their hours across daylight saving.">
      <Input
        id={id}
        list={`${id}-choices`}
        value={value}
        disabled={disabled}
        autoComplete="off"
        className={READ_ONLY}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      <datalist id={`${id}-choices`}>
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </Field>
  );
}
