"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import { Input } from "@/components/ui/input";

/** Errors by document path, from the live schema check and the server's last 422. */
export const IssuesContext = createContext<ReadonlyMap<string, string>>(new Map());

/** A stable element id for a document path ("rules.2.id" → "f-rules-2-id"). */
export const fieldId = (path: string) => `f-${path.replace(/[^A-Za-z0-9]+/g, "-")}`;

function useField(path: string) {
  const error = useContext(IssuesContext).get(path);
  const id = fieldId(path);
  return { id, error, errorId: `${id}-error`, invalid: error !== undefined };
}

const SELECT_CLASS = "block h-10 w-full rounded-md border border-slate-300 bg-white px-2 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-500";

/** Label, control, hint and the path's error, tied together for screen readers. */
function Shell(props: { id: string; label: string; error?: string; errorId: string; hint?: string; className?: string; children: ReactNode }) {
  return (
    <div className={`space-y-1 ${props.className ?? ""}`}>
      <label htmlFor={props.id} className="block text-xs font-medium text-slate-700">
        {props.label}
      </label>
      {props.children}
      {props.hint && !props.error ? <p className="text-xs text-slate-500">{props.hint}</p> : null}
      {props.error ? (
        <p id={props.errorId} className="text-xs text-red-600">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

type Common = { path: string; label: string; hint?: string; className?: string };

export function TextField(props: Common & { value: string | undefined; onChange: (value: string) => void; placeholder?: string; list?: string; multiline?: boolean }) {
  const field = useField(props.path);
  const aria = { "aria-invalid": field.invalid, "aria-describedby": field.invalid ? field.errorId : undefined };
  return (
    <Shell {...field} label={props.label} hint={props.hint} className={props.className}>
      {props.multiline ? (
        <textarea
          id={field.id}
          rows={3}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-500"
          value={props.value ?? ""}
          placeholder={props.placeholder}
          onChange={(event) => props.onChange(event.target.value)}
          {...aria}
        />
      ) : (
        <Input id={field.id} value={props.value ?? ""} placeholder={props.placeholder} list={props.list} onChange={(event) => props.onChange(event.target.value)} {...aria} />
      )}
    </Shell>
  );
}

/**
 * A number typed as text: what the admin types stays on screen while it is not yet a number
 * ("-", "1."), and the document gets NaN (a schema error at this path) rather than a guess.
 * Optional fields become undefined when emptied.
 */
export function NumberField(props: Common & { value: number | undefined; onChange: (value: number | undefined) => void; optional?: boolean; step?: number; scale?: number }) {
  const field = useField(props.path);
  const scale = props.scale ?? 1;
  const shown = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? "" : String(value / scale));
  const [text, setText] = useState(shown(props.value));
  const [seen, setSeen] = useState(props.value);
  if (!Object.is(seen, props.value)) {
    // Follow changes made elsewhere (the JSON tab, a reload) without fighting the admin's typing.
    setSeen(props.value);
    if (!(text.trim() !== "" && Number(text) * scale === props.value)) setText(shown(props.value));
  }
  return (
    <Shell {...field} label={props.label} hint={props.hint} className={props.className}>
      <Input
        id={field.id}
        type="number"
        inputMode="decimal"
        step={props.step ?? "any"}
        value={text}
        aria-invalid={field.invalid}
        aria-describedby={field.invalid ? field.errorId : undefined}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          if (next.trim() === "") return props.onChange(props.optional ? undefined : Number.NaN);
          const number = Number(next);
          props.onChange(Number.isFinite(number) ? Math.round(number * scale * 1e6) / 1e6 : Number.NaN);
        }}
      />
    </Shell>
  );
}

/** Money in integer minor units, typed in major units ("80.50" → 8050). */
export function MoneyField(props: Common & { value: number | undefined; onChange: (value: number | undefined) => void; currency: string; optional?: boolean }) {
  const digits = minorDigits(props.currency);
  return (
    <NumberField
      {...props}
      label={`${props.label} (${props.currency})`}
      scale={10 ** digits}
      step={1 / 10 ** digits}
      onChange={(value) => props.onChange(value === undefined || Number.isNaN(value) ? value : Math.round(value))}
    />
  );
}

function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2; // not a currency code (yet): the schema reports it
  }
}

export function SelectField<T extends string>(props: Common & { value: T | undefined; options: ReadonlyArray<{ value: T; label: string }>; onChange: (value: T) => void; placeholder?: string }) {
  const field = useField(props.path);
  const known = props.options.some((option) => option.value === props.value);
  return (
    <Shell {...field} label={props.label} hint={props.hint} className={props.className}>
      <select
        id={field.id}
        className={SELECT_CLASS}
        value={props.value ?? ""}
        aria-invalid={field.invalid}
        aria-describedby={field.invalid ? field.errorId : undefined}
        onChange={(event) => props.onChange(event.target.value as T)}
      >
        {props.value === undefined || props.value === "" ? <option value="">{props.placeholder ?? "Choose…"}</option> : null}
        {!known && props.value ? <option value={props.value}>{props.value} (unknown)</option> : null}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

export function CheckboxField(props: Common & { checked: boolean; onChange: (checked: boolean) => void }) {
  const field = useField(props.path);
  return (
    <div className={props.className}>
      <label className="inline-flex items-center gap-2 text-sm text-slate-700">
        <input
          id={field.id}
          type="checkbox"
          className="h-4 w-4 rounded border-slate-300"
          checked={props.checked}
          aria-invalid={field.invalid}
          aria-describedby={field.invalid ? field.errorId : undefined}
          onChange={(event) => props.onChange(event.target.checked)}
        />
        {props.label}
      </label>
      {field.error ? (
        <p id={field.errorId} className="text-xs text-red-600">
          {field.error}
        </p>
      ) : null}
    </div>
  );
}

/** An error reported on a list or object as a whole ("options": at most one default). */
export function PathError({ path }: { path: string }) {
  const error = useContext(IssuesContext).get(path);
  return error ? (
    <p id={`${fieldId(path)}-error`} className="text-xs text-red-600">
      {error}
    </p>
  ) : null;
}
