"use client";

import { useState } from "react";
import type { ChoiceValue } from "@/lib/core/configurator/configuration";
import type { GroupState, OptionState } from "@/lib/core/configurator/option-availability";
import { formatMoney } from "@/lib/core/money/format-money";

/**
 * One option group, as native form controls (radios, checkboxes, a number, a text field) so it
 * works with a keyboard and a screen reader. A blocked option stays visible, disabled, with the
 * rules' reasons — and an offer to choose it anyway, naming what that would change.
 */
export function OptionGroupField(props: {
  group: GroupState;
  currency: string;
  error?: string;
  onChoose: (value: ChoiceValue | null) => void;
  describeForce: (value: ChoiceValue) => string | null;
}) {
  const { group } = props;
  const id = `group-${group.code}`;
  return (
    <fieldset className="space-y-2" aria-describedby={props.error ? `${id}-error` : undefined} data-testid={id}>
      <legend className="mb-1 flex items-baseline gap-2 text-sm font-semibold">
        {group.label}
        {group.required ? null : <span className="text-xs font-normal text-slate-500">optional</span>}
        {group.source === "rule" ? <span className="text-xs font-normal text-slate-500">set by a rule</span> : null}
      </legend>
      {group.kind === "single" || group.kind === "multi" ? <ChoiceOptions {...props} group={group} /> : null}
      {group.kind === "numeric" ? <NumericField group={group} onChoose={props.onChoose} /> : null}
      {group.kind === "text" ? <TextField group={group} onChoose={props.onChoose} /> : null}
      {props.error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-600">
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}

function ChoiceOptions(props: {
  group: Extract<GroupState, { kind: "single" | "multi" }>;
  currency: string;
  onChoose: (value: ChoiceValue | null) => void;
  describeForce: (value: ChoiceValue) => string | null;
}) {
  const { group } = props;
  const picked = Array.isArray(group.value) ? group.value : group.value === null ? [] : [String(group.value)];
  const valueFor = (option: OptionState): ChoiceValue =>
    group.kind === "multi" ? (picked.includes(option.code) ? picked.filter((code) => code !== option.code) : [...picked, option.code]) : option.code;
  return (
    <div className="grid gap-2 sm:grid-cols-2">
      {group.options.map((option) => {
        const inputId = `opt-${group.code}-${option.code}`;
        const blocked = !option.available && !option.selected;
        const force = blocked ? props.describeForce(valueFor(option)) : null;
        return (
          <div
            key={option.code}
            className={`rounded-lg border p-3 text-sm transition-colors ${option.selected ? "border-brand-500 bg-brand-50" : blocked ? "border-slate-200 bg-slate-50" : "border-slate-200 bg-white hover:border-slate-300"}`}
            data-testid={inputId}
            data-available={option.available}
          >
            <label htmlFor={inputId} className={`flex cursor-pointer items-start gap-2 ${blocked ? "cursor-not-allowed text-slate-400" : ""}`}>
              <input
                id={inputId}
                type={group.kind === "multi" ? "checkbox" : "radio"}
                name={group.code}
                className="mt-0.5"
                checked={option.selected}
                disabled={blocked}
                aria-describedby={blocked ? `${inputId}-why` : undefined}
                onChange={() => props.onChoose(valueFor(option))}
              />
              <span className="flex-1">
                <span className="font-medium">{option.label}</span>
                {option.priceDelta !== 0 ? (
                  <span className="ml-1 text-slate-500">
                    {option.priceDelta > 0 ? "+" : "−"}
                    {formatMoney(Math.abs(option.priceDelta), props.currency)}
                  </span>
                ) : null}
              </span>
            </label>
            {blocked ? (
              <div id={`${inputId}-why`} className="mt-1 pl-6 text-xs text-slate-600">
                {option.blockedBy.map((blocker) => blocker.message).join(" ")}
                {force ? (
                  <button type="button" className="mt-1 block font-medium text-brand-600 hover:underline" onClick={() => props.onChoose(valueFor(option))}>
                    Choose it anyway — {force}
                  </button>
                ) : null}
              </div>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

function NumericField({ group, onChoose }: { group: Extract<GroupState, { kind: "numeric" }>; onChoose: (value: ChoiceValue | null) => void }) {
  const inputId = `num-${group.code}`;
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? (typeof group.value === "number" ? String(group.value) : "");
  const limited = group.allowedMin !== null && (group.allowedMin !== group.min || group.allowedMax !== group.max);
  return (
    <div className="space-y-1">
      <div className="flex items-center gap-3">
        <input
          type="range"
          aria-label={`${group.label} slider`}
          min={group.min}
          max={group.max}
          step={group.step}
          value={typeof group.value === "number" ? group.value : group.min}
          onChange={(e) => onChoose(Number(e.target.value))}
          className="flex-1"
        />
        <label htmlFor={inputId} className="sr-only">
          {group.label} in {group.unit}
        </label>
        <input
          id={inputId}
          type="number"
          inputMode="decimal"
          min={group.min}
          max={group.max}
          step={group.step}
          value={value}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => {
            if (draft !== null && draft !== "" && Number.isFinite(Number(draft))) onChoose(Number(draft));
            setDraft(null);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter") (e.target as HTMLInputElement).blur();
          }}
          className="h-9 w-24 rounded-md border border-slate-300 px-2 text-sm"
        />
        <span className="text-sm text-slate-600">{group.unit}</span>
      </div>
      <p className="text-xs text-slate-500">
        {group.min}–{group.max} {group.unit} in steps of {group.step}
        {limited ? ` · with your choices: ${group.allowedMin}–${group.allowedMax} ${group.unit}` : ""}
        {group.blockedBy.length > 0 ? ` · ${group.blockedBy.map((b) => b.message).join(" ")}` : ""}
      </p>
    </div>
  );
}

function TextField({ group, onChoose }: { group: Extract<GroupState, { kind: "text" }>; onChoose: (value: ChoiceValue | null) => void }) {
  const inputId = `text-${group.code}`;
  const value = typeof group.value === "string" ? group.value : "";
  return (
    <div className="space-y-1">
      <label htmlFor={inputId} className="sr-only">
        {group.label}
      </label>
      <input
        id={inputId}
        type="text"
        maxLength={group.maxLength}
        disabled={!group.available}
        value={value}
        onChange={(e) => onChoose(e.target.value === "" ? null : e.target.value)}
        className="h-10 w-full rounded-md border border-slate-300 px-3 text-sm disabled:bg-slate-50"
        placeholder={group.available ? "" : "not available with your choices"}
      />
      <p className="text-xs text-slate-500">
        {value.length}/{group.maxLength} · {group.allowedCharacters}
        {!group.available && group.blockedBy.length > 0 ? ` · ${group.blockedBy.map((b) => b.message).join(" ")}` : ""}
      </p>
    </div>
  );
}
