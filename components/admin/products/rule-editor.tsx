"use client";

import type { OptionGroup, Rule, RuleKind } from "@/lib/core/configurator";
import { ConditionEditor, ConditionListEditor } from "./condition-editor";
import { NumberField, SelectField, TextField } from "./editor-controls";
import { OptionChecklist } from "./option-checklist";
import { defaultSetValue, RULE_KINDS, ruleOfKind } from "./rule-templates";

const OPERATORS = ["<", "<=", ">", ">=", "=", "!="] as const;

/** One configuration rule: its id, kind, the consumer-facing message, and the kind's own fields. */
export function RuleEditor(props: { path: string; rule: Rule; groups: readonly OptionGroup[]; onChange: (rule: Rule) => void }) {
  const { rule, path, groups } = props;
  const groupChoices = (kinds: ReadonlyArray<OptionGroup["kind"]>) =>
    groups.filter((group) => kinds.includes(group.kind)).map((group) => ({ value: group.code, label: group.label || group.code }));
  const kind = RULE_KINDS.find((entry) => entry.value === rule.kind);
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-[12rem_16rem_1fr]">
        <TextField path={`${path}.id`} label="Rule id" value={rule.id} onChange={(id) => props.onChange({ ...rule, id })} />
        <SelectField<RuleKind>
          path={`${path}.kind`}
          label="Kind"
          value={rule.kind}
          options={RULE_KINDS}
          hint={kind?.hint}
          onChange={(next) => props.onChange(ruleOfKind(next, groups, { id: rule.id, message: rule.message }))}
        />
        <TextField path={`${path}.message`} label="Message to the consumer" hint="Shown next to whatever this rule blocks or changes." value={rule.message} onChange={(message) => props.onChange({ ...rule, message })} />
      </div>
      {rule.kind === "requires" ? (
        <div className="grid gap-3 lg:grid-cols-2">
          <ConditionEditor path={`${path}.when`} legend="When" condition={rule.when} groups={groups} onChange={(when) => props.onChange({ ...rule, when })} />
          <ConditionEditor path={`${path}.require`} legend="Then require" condition={rule.require} groups={groups} onChange={(require) => props.onChange({ ...rule, require })} />
        </div>
      ) : null}
      {rule.kind === "excludes" ? (
        <div className="grid gap-3 lg:grid-cols-2">
          <ConditionEditor path={`${path}.between.0`} legend="This" condition={rule.between[0]} groups={groups} onChange={(first) => props.onChange({ ...rule, between: [first, rule.between[1]] })} />
          <ConditionEditor path={`${path}.between.1`} legend="Never with this" condition={rule.between[1]} groups={groups} onChange={(second) => props.onChange({ ...rule, between: [rule.between[0], second] })} />
        </div>
      ) : null}
      {rule.kind === "availability" || rule.kind === "numeric" || rule.kind === "set" ? (
        <ConditionListEditor path={`${path}.when`} legend="When all of these hold" conditions={rule.when} groups={groups} min={rule.kind === "numeric" ? 0 : 1} onChange={(when) => props.onChange({ ...rule, when })} />
      ) : null}
      {rule.kind === "availability" ? (
        <div className="grid gap-3 sm:grid-cols-[16rem_1fr]">
          <SelectField path={`${path}.group`} label="Group" value={rule.group} options={groupChoices(["single", "multi"])} onChange={(group) => props.onChange({ ...rule, group, only: [] })} />
          <OptionChecklist path={`${path}.only`} legend="Only these may be chosen" group={groups.find((g) => g.code === rule.group)} selected={rule.only} onChange={(only) => props.onChange({ ...rule, only })} />
        </div>
      ) : null}
      {rule.kind === "numeric" ? (
        <div className="grid gap-3 sm:grid-cols-3">
          <SelectField path={`${path}.group`} label="Numeric group" value={rule.group} options={groupChoices(["numeric"])} onChange={(group) => props.onChange({ ...rule, group })} />
          <SelectField path={`${path}.op`} label="Must be" value={rule.op} options={OPERATORS.map((op) => ({ value: op, label: op }))} onChange={(op) => props.onChange({ ...rule, op })} />
          <NumberField path={`${path}.value`} label="Value" value={rule.value} onChange={(value) => props.onChange({ ...rule, value: value ?? Number.NaN })} />
        </div>
      ) : null}
      {rule.kind === "set" ? <SetValueFields path={path} rule={rule} groups={groups} onChange={props.onChange} /> : null}
    </div>
  );
}

function SetValueFields(props: { path: string; rule: Extract<Rule, { kind: "set" }>; groups: readonly OptionGroup[]; onChange: (rule: Rule) => void }) {
  const { rule, path } = props;
  const group = props.groups.find((candidate) => candidate.code === rule.group);
  const allGroups = props.groups.map((candidate) => ({ value: candidate.code, label: candidate.label || candidate.code }));
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <SelectField path={`${path}.group`} label="Set group" value={rule.group} options={allGroups} onChange={(code) => props.onChange({ ...rule, group: code, value: defaultSetValue(props.groups.find((g) => g.code === code)) })} />
      {group?.kind === "numeric" ? (
        <NumberField path={`${path}.value`} label={`To (${group.unit})`} value={typeof rule.value === "number" ? rule.value : undefined} onChange={(value) => props.onChange({ ...rule, value: value ?? Number.NaN })} />
      ) : group?.kind === "text" ? (
        <TextField path={`${path}.value`} label="To the text" value={String(rule.value)} onChange={(value) => props.onChange({ ...rule, value })} />
      ) : (
        <SelectField
          path={`${path}.value`}
          label={group?.kind === "multi" ? "Add the option" : "To the option"}
          value={String(rule.value)}
          options={group && (group.kind === "single" || group.kind === "multi") ? group.options.map((option) => ({ value: option.code, label: option.label || option.code })) : []}
          onChange={(value) => props.onChange({ ...rule, value })}
        />
      )}
    </div>
  );
}
