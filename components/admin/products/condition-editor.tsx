"use client";

import type { Condition, OptionGroup } from "@/lib/core/configurator";
import { NumberField, PathError, SelectField } from "./editor-controls";
import { OptionChecklist } from "./option-checklist";

const OPERATORS = ["<", "<=", ">", ">=", "=", "!="] as const;
type Operator = (typeof OPERATORS)[number];
type ChoiceTest = "is" | "in" | "notIn";

/** A condition on a group that makes sense for its kind: its first option, its minimum, "filled in". */
export function defaultCondition(group: OptionGroup | undefined): Condition {
  if (!group) return { group: "", is: "" };
  if (group.kind === "numeric") return { group: group.code, op: ">=", value: group.min };
  if (group.kind === "text") return { group: group.code, filled: true };
  return { group: group.code, is: group.options[0]?.code ?? "" };
}

/**
 * One condition — "door is French", "width > 90", "engraving is filled in" — as a group picker
 * and the test that group's kind allows. Changing the group starts a fresh test for it.
 */
export function ConditionEditor(props: { path: string; legend: string; condition: Condition; groups: readonly OptionGroup[]; onChange: (condition: Condition) => void }) {
  const { condition, path } = props;
  const group = props.groups.find((candidate) => candidate.code === condition.group);
  const groupChoices = props.groups.map((candidate) => ({ value: candidate.code, label: candidate.label || candidate.code }));
  return (
    <fieldset className="rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-xs font-semibold text-slate-600">{props.legend}</legend>
      <div className="grid gap-2 sm:grid-cols-3">
        <SelectField path={`${path}.group`} label="Group" value={condition.group} options={groupChoices} onChange={(code) => props.onChange(defaultCondition(props.groups.find((g) => g.code === code)))} />
        <ConditionTest {...props} group={group} />
      </div>
      <PathError path={path} />
    </fieldset>
  );
}

function ConditionTest(props: { path: string; condition: Condition; group: OptionGroup | undefined; onChange: (condition: Condition) => void }) {
  const { condition, group, path } = props;
  if (group?.kind === "numeric" || "op" in condition) {
    const compare = "op" in condition ? condition : { group: condition.group, op: ">=" as Operator, value: 0 };
    return (
      <>
        <SelectField path={`${path}.op`} label="Comparison" value={compare.op} options={OPERATORS.map((op) => ({ value: op, label: op }))} onChange={(op) => props.onChange({ ...compare, op })} />
        <NumberField path={`${path}.value`} label={`Value${group?.kind === "numeric" ? ` (${group.unit})` : ""}`} value={compare.value} onChange={(value) => props.onChange({ ...compare, value: value ?? Number.NaN })} />
      </>
    );
  }
  if (group?.kind === "text" || "filled" in condition) {
    const filled = "filled" in condition ? condition.filled : true;
    return (
      <SelectField
        path={`${path}.filled`}
        label="Test"
        value={filled ? "filled" : "empty"}
        options={[
          { value: "filled", label: "is filled in" },
          { value: "empty", label: "is empty" },
        ]}
        onChange={(test) => props.onChange({ group: condition.group, filled: test === "filled" })}
      />
    );
  }
  const test: ChoiceTest = "in" in condition ? "in" : "notIn" in condition ? "notIn" : "is";
  const codes = "in" in condition ? condition.in : "notIn" in condition ? condition.notIn : "is" in condition ? [condition.is] : [];
  const options = group && (group.kind === "single" || group.kind === "multi") ? group.options : [];
  const retest = (next: ChoiceTest) => {
    const first = codes[0] ?? options[0]?.code ?? "";
    props.onChange(next === "is" ? { group: condition.group, is: first } : next === "in" ? { group: condition.group, in: codes.length ? codes : [first] } : { group: condition.group, notIn: codes.length ? codes : [first] });
  };
  return (
    <>
      <SelectField
        path={`${path}.test`}
        label="Test"
        value={test}
        options={[
          { value: "is", label: group?.kind === "multi" ? "includes" : "is" },
          { value: "in", label: group?.kind === "multi" ? "includes one of" : "is one of" },
          { value: "notIn", label: group?.kind === "multi" ? "includes none of" : "is none of" },
        ]}
        onChange={retest}
      />
      {test === "is" ? (
        <SelectField path={`${path}.is`} label="Option" value={codes[0]} options={options.map((option) => ({ value: option.code, label: option.label || option.code }))} onChange={(is) => props.onChange({ group: condition.group, is })} />
      ) : (
        <div className="sm:col-span-3">
          <OptionChecklist
            path={`${path}.${test}`}
            legend={test === "in" ? "Any of" : "None of"}
            group={group}
            selected={codes}
            onChange={(picked) => props.onChange(test === "in" ? { group: condition.group, in: picked } : { group: condition.group, notIn: picked })}
          />
        </div>
      )}
    </>
  );
}

/** "All of these hold" — a rule's or price rule's `when` list; `min` conditions at least. */
export function ConditionListEditor(props: { path: string; legend: string; conditions: readonly Condition[]; groups: readonly OptionGroup[]; min: number; onChange: (conditions: Condition[]) => void }) {
  return (
    <div className="space-y-2">
      <div className="text-xs font-semibold text-slate-600">{props.legend}</div>
      {props.conditions.length === 0 ? <p className="text-sm text-slate-500">Always (no conditions).</p> : null}
      {props.conditions.map((condition, index) => (
        <div key={index} className="flex items-start gap-2">
          <div className="flex-1">
            <ConditionEditor
              path={`${props.path}.${index}`}
              legend={`Condition ${index + 1}`}
              condition={condition}
              groups={props.groups}
              onChange={(next) => props.onChange(props.conditions.map((existing, i) => (i === index ? next : existing)))}
            />
          </div>
          <button
            type="button"
            className="mt-3 rounded px-2 py-1 text-sm text-red-700 hover:bg-red-50 disabled:text-slate-300"
            disabled={props.conditions.length <= props.min}
            aria-label={`Remove condition ${index + 1} of ${props.legend}`}
            onClick={() => props.onChange(props.conditions.filter((_, i) => i !== index))}
          >
            ✕
          </button>
        </div>
      ))}
      <button type="button" className="text-sm font-medium text-brand-600 hover:underline" onClick={() => props.onChange([...props.conditions, defaultCondition(props.groups[0])])}>
        + Add condition
      </button>
      <PathError path={props.path} />
    </div>
  );
}
