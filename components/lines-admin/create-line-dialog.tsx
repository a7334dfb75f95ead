"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { CreateLineSchema } from "@/lib/core/lines/line-settings-schema";
import { apiFieldErrors, zodFieldErrors, type FieldErrors } from "./field-errors";
import { LineSettingsFields, settingsInputOf, type LineSettingsDraft } from "./line-settings-fields";

const EMPTY: LineSettingsDraft = { code: "", name: "", capabilities: "", speed: "1", timeZone: "" };

/** A new line: its settings, and optionally the weekly shifts of a line that works the same hours. */
export function CreateLineDialog({ lines, defaultTimeZone }: { lines: Array<{ id: string; code: string }>; defaultTimeZone: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<LineSettingsDraft>({ ...EMPTY, timeZone: defaultTimeZone });
  const [copyFrom, setCopyFrom] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: (body: unknown) => apiFetch<{ id: string }>("/api/admin/lines", { method: "POST", body: JSON.stringify(body) }),
    onSuccess: (line) => router.push(`/lines/manage/${line.id}`),
    onError: (error) => setErrors(apiFieldErrors(error)),
  });
  return (
    <>
      <Button onClick={() => setOpen(true)}>New line</Button>
      <Dialog open={open} onOpenChange={setOpen} title="New line" description="Its settings now; shifts, holidays and maintenance on its page.">
        <form
          className="space-y-4"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const parsed = CreateLineSchema.safeParse({ ...settingsInputOf(draft), copyShiftsFrom: copyFrom || null });
            if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
            setErrors({});
            create.mutate(parsed.data);
          }}
        >
          {create.error ? <Alert tone="error">{create.error.message}</Alert> : null}
          <LineSettingsFields idPrefix="new-line" draft={draft} errors={errors} onChange={setDraft} />
          <Field id="new-line-copy" label="Weekly shifts" error={errors.copyShiftsFrom}>
            <select id="new-line-copy" className="block h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-sm" value={copyFrom} onChange={(event) => setCopyFrom(event.target.value)}>
              <option value="">None yet</option>
              {lines.map((line) => (
                <option key={line.id} value={line.id}>
                  The same as {line.code}
                </option>
              ))}
            </select>
          </Field>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? "Creating…" : "Create line"}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
