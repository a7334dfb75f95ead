"use client";

import type { Option } from "@/lib/core/configurator";
import { CheckboxField, MoneyField, NumberField, TextField } from "./editor-controls";

/**
 * One option of a single/multi group: what the consumer picks (label, price delta, lead time),
 * whether it is the default, what the preview draws (colour, style) and the job family variant.
 */
export function OptionEditor(props: { path: string; option: Option; currency: string; onChange: (option: Option) => void }) {
  const { option, path } = props;
  const set = (patch: Partial<Option>) => props.onChange({ ...option, ...patch });
  const preview = option.preview ?? {};
  const setPreview = (patch: Partial<NonNullable<Option["preview"]>>) => {
    const next = Object.fromEntries(Object.entries({ ...preview, ...patch }).filter(([, value]) => value !== undefined && value !== ""));
    set({ preview: Object.keys(next).length > 0 ? next : undefined });
  };
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <TextField path={`${path}.code`} label="Code" value={option.code} onChange={(code) => set({ code })} />
      <TextField path={`${path}.label`} label="Label" value={option.label} onChange={(label) => set({ label })} />
      <MoneyField path={`${path}.priceDelta`} label="Price delta" currency={props.currency} value={option.priceDelta} onChange={(priceDelta) => set({ priceDelta: priceDelta ?? Number.NaN })} />
      <NumberField path={`${path}.leadTimeDays`} label="Lead-time days" hint="Added to (negative: saved from) the waiting time." step={1} value={option.leadTimeDays} onChange={(leadTimeDays) => set({ leadTimeDays: leadTimeDays ?? Number.NaN })} />
      <div className="space-y-1">
        <TextField path={`${path}.preview.color`} label="Preview colour" placeholder="#rrggbb" value={preview.color} onChange={(color) => setPreview({ color: color || undefined })} />
        <div className="flex items-center gap-2">
          <input
            type="color"
            aria-label={`Pick the preview colour of ${option.label || option.code}`}
            className="h-7 w-10 cursor-pointer rounded border border-slate-300"
            value={/^#[0-9a-fA-F]{6}$/.test(preview.color ?? "") ? preview.color : "#cccccc"}
            onChange={(event) => setPreview({ color: event.target.value })}
          />
          <span className="text-xs text-slate-500">{preview.color ? "picked" : "no colour"}</span>
        </div>
      </div>
      <TextField path={`${path}.preview.style`} label="Preview style" hint="A style the renderer knows (french, glass, bar …)." value={preview.style} onChange={(style) => setPreview({ style: style || undefined })} />
      <TextField path={`${path}.familyVariant`} label="Family variant" hint="Job family: the option code when empty." value={option.familyVariant} onChange={(familyVariant) => set({ familyVariant: familyVariant || undefined })} />
      <CheckboxField path={`${path}.default`} label="Default" className="self-center" checked={option.default} onChange={(isDefault) => set({ default: isDefault })} />
      <TextField path={`${path}.description`} label="Description (optional)" className="sm:col-span-2 lg:col-span-4" value={option.description} onChange={(description) => set({ description: description || undefined })} />
    </div>
  );
}
