"use client";

import type { OptionGroup, PriceRule } from "@/lib/core/configurator";
import { Button } from "@/components/ui/button";
import { ConditionListEditor, defaultCondition } from "./condition-editor";
import { MoneyField, NumberField, PathError, SelectField, TextField } from "./editor-controls";
import { removeAt, replaceAt } from "./list-edits";

type PriceRuleKind = PriceRule["kind"];

export const PRICE_RULE_KINDS: ReadonlyArray<{ value: PriceRuleKind; label: string; hint: string }> = [
  { value: "surcharge", label: "Surcharge", hint: "A fixed amount per unit when the conditions hold." },
  { value: "per-unit", label: "Per unit of a number", hint: "An amount for every started step of 'per' units above a threshold." },
  { value: "percentage", label: "Percentage", hint: "A percentage of the unit subtotal when the conditions hold (negative: a discount)." },
  { value: "quantity-break", label: "Quantity break", hint: "A discount on the line total from a quantity on (one per product)." },
];

export function priceRuleOfKind(kind: PriceRuleKind, groups: readonly OptionGroup[], base: { id: string; label: string }): PriceRule {
  switch (kind) {
    case "surcharge":
      return { ...base, kind, when: [defaultCondition(groups[0])], amount: 0 };
    case "per-unit": {
      const numeric = groups.find((group) => group.kind === "numeric");
      return { ...base, kind, group: numeric?.code ?? "", above: numeric?.kind === "numeric" ? numeric.min : 0, per: 1, amount: 0 };
    }
    case "percentage":
      return { ...base, kind, when: [], percent: 0 };
    case "quantity-break":
      return { ...base, kind, breaks: [{ minQuantity: 5, percentOff: 5 }] };
  }
}

/** One price rule: its id, label on the price breakdown, kind, and the kind's fields. */
export function PriceRuleEditor(props: { path: string; rule: PriceRule; groups: readonly OptionGroup[]; currency: string; onChange: (rule: PriceRule) => void }) {
  const { rule, path, groups } = props;
  const numericGroups = groups.filter((group) => group.kind === "numeric").map((group) => ({ value: group.code, label: group.label || group.code }));
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-[12rem_14rem_1fr]">
        <TextField path={`${path}.id`} label="Price rule id" value={rule.id} onChange={(id) => props.onChange({ ...rule, id })} />
        <SelectField
          path={`${path}.kind`}
          label="Kind"
          value={rule.kind}
          options={PRICE_RULE_KINDS}
          hint={PRICE_RULE_KINDS.find((kind) => kind.value === rule.kind)?.hint}
          onChange={(kind) => props.onChange(priceRuleOfKind(kind, groups, { id: rule.id, label: rule.label }))}
        />
        <TextField path={`${path}.label`} label="Label on the price breakdown" value={rule.label} onChange={(label) => props.onChange({ ...rule, label })} />
      </div>
      {rule.kind === "surcharge" || rule.kind === "percentage" ? (
        <ConditionListEditor path={`${path}.when`} legend="When all of these hold" conditions={rule.when} groups={groups} min={rule.kind === "surcharge" ? 1 : 0} onChange={(when) => props.onChange({ ...rule, when })} />
      ) : null}
      {rule.kind === "surcharge" ? (
        <div className="grid gap-3 sm:grid-cols-4">
          <MoneyField path={`${path}.amount`} label="Amount" currency={props.currency} value={rule.amount} onChange={(amount) => props.onChange({ ...rule, amount: amount ?? Number.NaN })} />
        </div>
      ) : null}
      {rule.kind === "percentage" ? (
        <div className="grid gap-3 sm:grid-cols-4">
          <NumberField path={`${path}.percent`} label="Percent" hint="At most two decimals." value={rule.percent} onChange={(percent) => props.onChange({ ...rule, percent: percent ?? Number.NaN })} />
        </div>
      ) : null}
      {rule.kind === "per-unit" ? (
        <div className="grid gap-3 sm:grid-cols-4">
          <SelectField path={`${path}.group`} label="Numeric group" value={rule.group} options={numericGroups} onChange={(group) => props.onChange({ ...rule, group })} />
          <NumberField path={`${path}.above`} label="Above" value={rule.above} onChange={(above) => props.onChange({ ...rule, above: above ?? Number.NaN })} />
          <NumberField path={`${path}.per`} label="Per (units)" value={rule.per} onChange={(per) => props.onChange({ ...rule, per: per ?? Number.NaN })} />
          <MoneyField path={`${path}.amount`} label="Amount" currency={props.currency} value={rule.amount} onChange={(amount) => props.onChange({ ...rule, amount: amount ?? Number.NaN })} />
        </div>
      ) : null}
      {rule.kind === "quantity-break" ? <QuantityBreaks path={path} rule={rule} onChange={props.onChange} /> : null}
    </div>
  );
}

function QuantityBreaks(props: { path: string; rule: Extract<PriceRule, { kind: "quantity-break" }>; onChange: (rule: PriceRule) => void }) {
  const { rule, path } = props;
  const setBreaks = (breaks: typeof rule.breaks) => props.onChange({ ...rule, breaks });
  return (
    <div className="space-y-2">
      {rule.breaks.map((step, index) => (
        <div key={index} className="flex items-end gap-3">
          <NumberField path={`${path}.breaks.${index}.minQuantity`} label={`From quantity (break ${index + 1})`} step={1} value={step.minQuantity} onChange={(minQuantity) => setBreaks(replaceAt(rule.breaks, index, { ...step, minQuantity: minQuantity ?? Number.NaN }))} />
          <NumberField path={`${path}.breaks.${index}.percentOff`} label={`Percent off (break ${index + 1})`} value={step.percentOff} onChange={(percentOff) => setBreaks(replaceAt(rule.breaks, index, { ...step, percentOff: percentOff ?? Number.NaN }))} />
          <Button type="button" size="sm" variant="ghost" className="text-red-700" aria-label={`Remove break ${index + 1}`} disabled={rule.breaks.length <= 1} onClick={() => setBreaks(removeAt(rule.breaks, index))}>
            Remove
          </Button>
        </div>
      ))}
      <PathError path={`${path}.breaks`} />
      <Button type="button" size="sm" variant="secondary" onClick={() => setBreaks([...rule.breaks, { minQuantity: (rule.breaks.at(-1)?.minQuantity ?? 1) + 5, percentOff: 0 }])}>
        Add break
      </Button>
    </div>
  );
}
