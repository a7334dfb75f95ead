"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { CALENDAR_EXCEPTION_LABELS, CalendarExceptionSchema, type CalendarExceptionKind } from "@/lib/core/lines/calendar-exceptions";
import type { LineAdminPermissions, LineCalendarExceptionView } from "@/lib/core/lines/line-admin-views";
import { formatLocalInstant, localDateTimeToIso } from "@/lib/core/lines/local-date-time";
import { apiFieldErrors, zodFieldErrors, type FieldErrors } from "./field-errors";

const KIND_TONE = { holiday: "info", maintenance: "warn", extra_shift: "good" } as const;

type Props = { lineId: string; timeZone: string; exceptions: LineCalendarExceptionView[]; permissions: LineAdminPermissions; onChanged: () => void };

/** Holidays, maintenance windows and extra shifts from today on; add and remove them. */
export function CalendarExceptionsPanel({ lineId, timeZone, exceptions, permissions, onChanged }: Props) {
  const kinds = (Object.keys(CALENDAR_EXCEPTION_LABELS) as CalendarExceptionKind[]).filter((kind) => (kind === "extra_shift" ? permissions.manage : permissions.stops));
  const mayChange = (kind: CalendarExceptionKind) => kinds.includes(kind);
  const [kind, setKind] = useState<CalendarExceptionKind>(kinds[0] ?? "holiday");
  const [start, setStart] = useState("");
  const [end, setEnd] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const add = useMutation({
    mutationFn: (body: unknown) => apiFetch(`/api/admin/lines/${lineId}/exceptions`, { method: "POST", body: JSON.stringify(body) }),
    onSuccess: () => {
      setStart("");
      setEnd("");
      setNote("");
      onChanged();
    },
    onError: (error) => setErrors(apiFieldErrors(error)),
  });
  const remove = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/admin/lines/${lineId}/exceptions/${id}`, { method: "DELETE" }),
    onSettled: onChanged,
  });
  const format = (iso: string) => formatLocalInstant(Date.parse(iso), timeZone);

  const submit = () => {
    const startIso = localDateTimeToIso(start, timeZone);
    const endIso = localDateTimeToIso(end, timeZone);
    const missing: FieldErrors = {
      ...(startIso ? {} : { start: "Choose when it starts." }),
      ...(endIso ? {} : { end: "Choose when it ends." }),
    };
    if (!startIso || !endIso) return setErrors(missing);
    const parsed = CalendarExceptionSchema.safeParse({ kind, start: startIso, end: endIso, note });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    add.mutate(parsed.data);
  };

  return (
    <Card className="space-y-4 p-5" aria-labelledby="exceptions-title">
      <div>
        <h2 id="exceptions-title" className="font-semibold">
          Holidays, maintenance and extra shifts
        </h2>
        <p className="text-sm text-slate-600">From today on, in the line&apos;s time ({timeZone}).</p>
      </div>
      {remove.error ? <Alert tone="error">{remove.error.message}</Alert> : null}
      <ul className="divide-y divide-slate-100" aria-label="Calendar exceptions">
        {exceptions.length === 0 ? <li className="py-2 text-sm text-slate-500">None.</li> : null}
        {exceptions.map((exception) => (
          <li key={exception.id} className="flex items-start gap-3 py-2 text-sm" data-testid="calendar-exception">
            <Badge tone={KIND_TONE[exception.kind]}>{CALENDAR_EXCEPTION_LABELS[exception.kind]}</Badge>
            <div className="flex-1">
              <div className="tabular-nums">
                {format(exception.start)} – {format(exception.end)}
              </div>
              {exception.note ? <div className="text-slate-600">{exception.note}</div> : null}
            </div>
            {mayChange(exception.kind) ? (
              <Button variant="ghost" size="sm" disabled={remove.isPending} onClick={() => remove.mutate(exception.id)} aria-label={`Remove ${CALENDAR_EXCEPTION_LABELS[exception.kind].toLowerCase()} ${exception.note || format(exception.start)}`}>
                Remove
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {kinds.length > 0 ? (
        <form
          className="space-y-3 border-t border-slate-100 pt-4"
          noValidate
          aria-label="Add to the calendar"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          {add.error && Object.keys(errors).length === 0 ? <Alert tone="error">{add.error.message}</Alert> : null}
          <div className="grid gap-3 sm:grid-cols-3">
            <Field id="exception-kind" label="Kind" error={errors.kind}>
              <select id="exception-kind" className="block h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-sm" value={kind} onChange={(event) => setKind(event.target.value as CalendarExceptionKind)}>
                {kinds.map((option) => (
                  <option key={option} value={option}>
                    {CALENDAR_EXCEPTION_LABELS[option]}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="exception-start" label="Starts" error={errors.start}>
              <Input id="exception-start" type="datetime-local" value={start} onChange={(event) => setStart(event.target.value)} aria-invalid={errors.start ? true : undefined} aria-describedby={errors.start ? "exception-start-error" : undefined} />
            </Field>
            <Field id="exception-end" label="Ends" error={errors.end}>
              <Input id="exception-end" type="datetime-local" value={end} onChange={(event) => setEnd(event.target.value)} aria-invalid={errors.end ? true : undefined} aria-describedby={errors.end ? "exception-end-error" : undefined} />
            </Field>
          </div>
          <Field id="exception-note" label="Note" error={errors.note} hint="Shown on the calendar: “Christmas”, “foam head overhaul”.">
            <Input id="exception-note" value={note} maxLength={200} onChange={(event) => setNote(event.target.value)} />
          </Field>
          <Button type="submit" disabled={add.isPending}>
            {add.isPending ? "Adding…" : `Add ${CALENDAR_EXCEPTION_LABELS[kind].toLowerCase()}`}
          </Button>
        </form>
      ) : null}
    </Card>
  );
}
