"use client";

import { CHARACTER_SETS, type Option, type OptionGroup } from "@/lib/core/configurator";
import { Button } from "@/components/ui/button";
import { CheckboxField, NumberField, PathError, SelectField, TextField } from "./editor-controls";
import { groupAsKind, GROUP_KINDS } from "./group-templates";
import { freshCode, moveItem, removeAt, replaceAt } from "./list-edits";
import { ListItemActions } from "./list-item-actions";
import { OptionEditor } from "./option-editor";

const CHARACTER_BUTTONS = [
  { label: "A–Z", characters: CHARACTER_SETS.upperLatin },
  { label: "a–z", characters: CHARACTER_SETS.lowerLatin },
  { label: "0–9", characters: CHARACTER_SETS.digits },
  { label: "space", characters: CHARACTER_SETS.space },
  { label: ". & -", characters: CHARACTER_SETS.monogramPunctuation },
];

/** One option group: what it asks, its kind's limits, and (single/multi) its options. */
export function GroupEditor(props: { path: string; group: OptionGroup; currency: string; onChange: (group: OptionGroup) => void }) {
  const { group, path } = props;
  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <TextField path={`${path}.code`} label="Code" value={group.code} onChange={(code) => props.onChange({ ...group, code })} />
        <TextField path={`${path}.label`} label="Label" value={group.label} onChange={(label) => props.onChange({ ...group, label })} />
        <SelectField path={`${path}.kind`} label="Kind" value={group.kind} options={GROUP_KINDS} onChange={(kind) => props.onChange(groupAsKind(group, kind))} />
        <CheckboxField path={`${path}.required`} label="Required" className="self-end pb-2" checked={group.required} onChange={(required) => props.onChange({ ...group, required })} />
        <TextField path={`${path}.description`} label="Description (optional)" className="sm:col-span-2 lg:col-span-4" value={group.description} onChange={(description) => props.onChange({ ...group, description: description || undefined })} />
      </div>
      {group.kind === "multi" ? (
        <div className="grid gap-3 sm:grid-cols-4">
          <NumberField path={`${path}.minPicks`} label="Minimum picks" step={1} value={group.minPicks} onChange={(minPicks) => props.onChange({ ...group, minPicks: minPicks ?? Number.NaN })} />
          <NumberField path={`${path}.maxPicks`} label="Maximum picks" hint="Empty: no limit." step={1} optional value={group.maxPicks} onChange={(maxPicks) => props.onChange({ ...group, maxPicks })} />
        </div>
      ) : null}
      {group.kind === "numeric" ? (
        <div className="grid gap-3 sm:grid-cols-5">
          <NumberField path={`${path}.min`} label="Minimum" value={group.min} onChange={(min) => props.onChange({ ...group, min: min ?? Number.NaN })} />
          <NumberField path={`${path}.max`} label="Maximum" value={group.max} onChange={(max) => props.onChange({ ...group, max: max ?? Number.NaN })} />
          <NumberField path={`${path}.step`} label="Step" value={group.step} onChange={(step) => props.onChange({ ...group, step: step ?? Number.NaN })} />
          <TextField path={`${path}.unit`} label="Unit" value={group.unit} onChange={(unit) => props.onChange({ ...group, unit })} />
          <NumberField path={`${path}.default`} label="Default" hint="Empty: none." optional value={group.default} onChange={(value) => props.onChange({ ...group, default: value })} />
        </div>
      ) : null}
      {group.kind === "text" ? <TextGroupFields path={path} group={group} onChange={props.onChange} /> : null}
      {group.kind === "single" || group.kind === "multi" ? (
        <OptionsList path={`${path}.options`} options={group.options} currency={props.currency} onChange={(options) => props.onChange({ ...group, options })} />
      ) : null}
    </div>
  );
}

function TextGroupFields(props: { path: string; group: Extract<OptionGroup, { kind: "text" }>; onChange: (group: OptionGroup) => void }) {
  const { group, path } = props;
  const addCharacters = (characters: string) => props.onChange({ ...group, allowedCharacters: group.allowedCharacters + [...characters].filter((c) => !group.allowedCharacters.includes(c)).join("") });
  return (
    <div className="grid gap-3 sm:grid-cols-4">
      <NumberField path={`${path}.maxLength`} label="Maximum length" step={1} value={group.maxLength} onChange={(maxLength) => props.onChange({ ...group, maxLength: maxLength ?? Number.NaN })} />
      <SelectField
        path={`${path}.letterCase`}
        label="Letter case"
        value={group.letterCase}
        options={[
          { value: "as-typed", label: "As typed" },
          { value: "upper", label: "Capitals (converted)" },
        ]}
        onChange={(letterCase) => props.onChange({ ...group, letterCase })}
      />
      <TextField path={`${path}.default`} label="Default text (optional)" className="sm:col-span-2" value={group.default} onChange={(value) => props.onChange({ ...group, default: value || undefined })} />
      <div className="space-y-1 sm:col-span-4">
        <TextField path={`${path}.allowedCharacters`} label="Allowed characters" hint="Every character a customer may type, spelled out." value={group.allowedCharacters} onChange={(allowedCharacters) => props.onChange({ ...group, allowedCharacters })} />
        <div className="flex flex-wrap gap-1">
          {CHARACTER_BUTTONS.map((button) => (
            <Button key={button.label} type="button" size="sm" variant="secondary" onClick={() => addCharacters(button.characters)}>
              + {button.label}
            </Button>
          ))}
        </div>
      </div>
    </div>
  );
}

function OptionsList(props: { path: string; options: Option[]; currency: string; onChange: (options: Option[]) => void }) {
  const { options } = props;
  const add = () => {
    const code = freshCode("new-option", options.map((option) => option.code));
    props.onChange([...options, { code, label: "New option", priceDelta: 0, leadTimeDays: 0, default: false }]);
  };
  return (
    <div className="space-y-2">
      <div className="text-sm font-semibold">Options</div>
      <PathError path={props.path} />
      {options.map((option, index) => (
        <fieldset key={index} className="space-y-2 rounded-md border border-slate-200 bg-slate-50/60 p-3" data-testid="option-card">
          <legend className="sr-only">Option {option.label || option.code}</legend>
          <div className="flex items-center justify-between">
            <span className="text-sm font-medium">{option.label || option.code || `Option ${index + 1}`}</span>
            <ListItemActions
              name={`option ${option.label || option.code}`}
              index={index}
              count={options.length}
              onMove={(offset) => props.onChange(moveItem(options, index, offset))}
              onRemove={() => props.onChange(removeAt(options, index))}
            />
          </div>
          <OptionEditor path={`${props.path}.${index}`} option={option} currency={props.currency} onChange={(next) => props.onChange(replaceAt(options, index, next))} />
        </fieldset>
      ))}
      <Button type="button" size="sm" variant="secondary" onClick={add}>
        Add option
      </Button>
    </div>
  );
}
