"use client";

import type { InputHTMLAttributes } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { splitCapabilities, type LineSettingsInput } from "@/lib/core/lines/line-settings-schema";
import type { FieldErrors } from "./field-errors";
import { READ_ONLY, TimeZoneField } from "./time-zone-field";

/** The settings form's values as typed (numbers and lists stay text until saved). */
export type LineSettingsDraft = { code: string; name: string; capabilities: string; speed: string; timeZone: string };

export function draftOf(line: { code: string; name: string; capabilities: string[]; speed: number; timeZone: string }): LineSettingsDraft {
  return { code: line.code, name: line.name, capabilities: line.capabilities.join(", "), speed: String(line.speed), timeZone: line.timeZone };
}

export function settingsInputOf(draft: LineSettingsDraft): LineSettingsInput {
  return { code: draft.code, name: draft.name, capabilities: splitCapabilities(draft.capabilities), speed: draft.speed.trim() === "" ? Number.NaN : Number(draft.speed), timeZone: draft.timeZone };
}

/** Code, name, capabilities, speed and time zone, each labelled with its error. */
export function LineSettingsFields({ idPrefix, draft, errors, disabled, onChange }: { idPrefix: string; draft: LineSettingsDraft; errors: FieldErrors; disabled?: boolean; onChange: (draft: LineSettingsDraft) => void }) {
  const set = (key: keyof LineSettingsDraft) => (value: string) => onChange({ ...draft, [key]: value });
  const capabilityError = Object.entries(errors).find(([path]) => path === "capabilities" || path.startsWith("capabilities."));
  const capabilityMessage = capabilityError
    ? capabilityError[0] === "capabilities"
      ? capabilityError[1]
      : `${splitCapabilities(draft.capabilities)[Number(capabilityError[0].split(".")[1])] ?? "A capability"}: ${capabilityError[1]}`
    : undefined;
  const input = (key: "code" | "name" | "speed", extra: Partial<InputHTMLAttributes<HTMLInputElement>> = {}) => (
    <Input
      id={`${idPrefix}-${key}`}
      value={draft[key]}
      disabled={disabled}
      aria-invalid={errors[key] ? true : undefined}
      aria-describedby={errors[key] ? `${idPrefix}-${key}-error` : undefined}
      onChange={(event) => set(key)(event.target.value)}
      className={READ_ONLY}
      {...extra}
    />
  );
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field id={`${idPrefix}-code`} label="Code" error={errors.code} hint="Short and unique in your factory, e.g. NK-F3.">
        {input("code", { autoComplete: "off" })}
      </Field>
      <Field id={`${idPrefix}-name`} label="Name" error={errors.name}>
        {input("name")}
      </Field>
      <div className="sm:col-span-2">
        <Field id={`${idPrefix}-capabilities`} label="Capabilities" error={capabilityMessage} hint="Codes the products' routings require, separated by commas: sheet-metal, foaming.">
          <Input
            id={`${idPrefix}-capabilities`}
            value={draft.capabilities}
            disabled={disabled}
            aria-invalid={capabilityError ? true : undefined}
            aria-describedby={capabilityError ? `${idPrefix}-capabilities-error` : undefined}
            className={READ_ONLY}
            onChange={(event) => set("capabilities")(event.target.value)}
          />
        </Field>
      </div>
      <Field id={`${idPrefix}-speed`} label="Speed" error={errors.speed} hint="1 = the routing's minutes; 1.25 is a quarter faster.">
        {input("speed", { inputMode: "decimal" })}
      </Field>
      <TimeZoneField id={`${idPrefix}-zone`} value={draft.timeZone} error={errors.timeZone} disabled={disabled} onChange={set("timeZone")} />
    </div>
  );
}
