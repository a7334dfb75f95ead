"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch, ApiError } from "@/components/api-fetch";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { UpdateLineSettingsSchema } from "@/lib/core/lines/line-settings-schema";
import { apiFieldErrors, zodFieldErrors, type FieldErrors } from "./field-errors";
import { draftOf, LineSettingsFields, settingsInputOf } from "./line-settings-fields";

type Props = {
  line: { id: string; code: string; name: string; capabilities: string[]; speed: number; timeZone: string };
  version: number;
  canManage: boolean;
  onSaved: (message: string) => void;
  onConflict: (message: string) => void;
};

/** Code, name, capabilities, speed and time zone, saved against the line's version. */
export function LineSettingsCard({ line, version, canManage, onSaved, onConflict }: Props) {
  const [draft, setDraft] = useState(() => draftOf(line));
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: (body: unknown) => apiFetch<{ version: number }>(`/api/admin/lines/${line.id}`, { method: "PATCH", body: JSON.stringify(body) }),
    onSuccess: () => onSaved("Settings saved."),
    onError: (error) => {
      setErrors(apiFieldErrors(error));
      if (error instanceof ApiError && error.status === 409 && error.code === "LINE_CHANGED") onConflict(error.message);
    },
  });
  const changed = JSON.stringify(draft) !== JSON.stringify(draftOf(line));
  return (
    <Card className="p-5" aria-labelledby="settings-title">
      <h2 id="settings-title" className="mb-4 font-semibold">
        Settings
      </h2>
      <form
        className="space-y-4"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = UpdateLineSettingsSchema.safeParse({ ...settingsInputOf(draft), version });
          if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
          setErrors({});
          save.mutate(parsed.data);
        }}
      >
        {save.error && !(save.error instanceof ApiError && save.error.code === "LINE_CHANGED") ? <Alert tone="error">{save.error.message}</Alert> : null}
        <LineSettingsFields idPrefix="line" draft={draft} errors={errors} disabled={!canManage} onChange={setDraft} />
        {canManage ? (
          <div className="flex gap-2">
            <Button type="submit" disabled={!changed || save.isPending}>
              {save.isPending ? "Saving…" : "Save settings"}
            </Button>
            {changed ? (
              <Button type="button" variant="ghost" onClick={() => setDraft(draftOf(line))}>
                Discard changes
              </Button>
            ) : null}
          </div>
        ) : (
          <p className="text-sm text-slate-500">Only your factory&apos;s admins change a line&apos;s settings and shifts.</p>
        )}
      </form>
    </Card>
  );
}
