"use client";

import type { OptionGroup, PriceRule } from "@/lib/core/configurator";
import { Button } from "@/components/ui/button";
import { freshCode, moveItem, removeAt, replaceAt } from "./list-edits";
import { ListItemActions } from "./list-item-actions";
import { PriceRuleEditor, priceRuleOfKind } from "./price-rule-editor";

/**
 * Price rules on top of the base price and the options' deltas: surcharges, per-unit amounts,
 * then percentages of that subtotal, then a quantity break on the line total.
 */
export function PriceRulesSection(props: { rules: PriceRule[]; groups: readonly OptionGroup[]; currency: string; onChange: (rules: PriceRule[]) => void }) {
  const { rules } = props;
  const add = () => props.onChange([...rules, priceRuleOfKind("surcharge", props.groups, { id: freshCode("new-price-rule", rules.map((rule) => rule.id)), label: "New surcharge" })]);
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">Option price deltas are set on each option (Options tab); these rules add what depends on combinations, numbers and quantities.</p>
      {rules.map((rule, index) => (
        <fieldset key={index} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <legend className="sr-only">Price rule {rule.id || index + 1}</legend>
          <div className="flex items-center justify-between gap-2">
            <div className="text-sm font-semibold">
              Price rule {index + 1}: <code className="font-mono text-xs">{rule.id}</code>
            </div>
            <ListItemActions name={`price rule ${rule.id || index + 1}`} index={index} count={rules.length} onMove={(offset) => props.onChange(moveItem(rules, index, offset))} onRemove={() => props.onChange(removeAt(rules, index))} />
          </div>
          <PriceRuleEditor path={`priceRules.${index}`} rule={rule} groups={props.groups} currency={props.currency} onChange={(next) => props.onChange(replaceAt(rules, index, next))} />
        </fieldset>
      ))}
      <Button type="button" variant="secondary" onClick={add}>
        Add price rule
      </Button>
    </div>
  );
}
