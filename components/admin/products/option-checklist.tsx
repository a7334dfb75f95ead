"use client";

import type { OptionGroup } from "@/lib/core/configurator";
import { fieldId, PathError } from "./editor-controls";

/** Pick options of a group by checkbox (a condition's "one of", an availability rule's "only"). */
export function OptionChecklist(props: { path: string; legend: string; group: OptionGroup | undefined; selected: readonly string[]; onChange: (codes: string[]) => void }) {
  const options = props.group && (props.group.kind === "single" || props.group.kind === "multi") ? props.group.options : [];
  const id = fieldId(props.path);
  return (
    <fieldset className="space-y-1" aria-describedby={`${id}-error`}>
      <legend className="text-xs font-medium text-slate-700">{props.legend}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {options.map((option) => (
          <label key={option.code} className="inline-flex items-center gap-1.5 text-sm">
            <input
              type="checkbox"
              className="h-4 w-4 rounded border-slate-300"
              checked={props.selected.includes(option.code)}
              onChange={(event) =>
                props.onChange(event.target.checked ? options.map((o) => o.code).filter((code) => code === option.code || props.selected.includes(code)) : props.selected.filter((code) => code !== option.code))
              }
            />
            {option.label}
          </label>
        ))}
        {options.length === 0 ? <span className="text-sm text-slate-500">Choose a group with options first.</span> : null}
      </div>
      <PathError path={props.path} />
    </fieldset>
  );
}
