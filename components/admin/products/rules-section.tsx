"use client";

import type { OptionGroup, Rule } from "@/lib/core/configurator";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { freshCode, moveItem, removeAt, replaceAt } from "./list-edits";
import { ListItemActions } from "./list-item-actions";
import { RuleEditor } from "./rule-editor";
import { ruleOfKind } from "./rule-templates";

/** The anchor of a rule's card, for the problems panel's "show rule" links. */
export const ruleAnchor = (ruleId: string) => `rule-${ruleId}`;

/**
 * The configuration rules, in order. A rule that the analysis names in a problem is marked, so
 * the admin sees which ones to look at.
 */
export function RulesSection(props: { rules: Rule[]; groups: readonly OptionGroup[]; troubled: ReadonlySet<string>; onChange: (rules: Rule[]) => void }) {
  const { rules } = props;
  const add = () => {
    const id = freshCode("new-rule", rules.map((rule) => rule.id));
    props.onChange([...rules, ruleOfKind("requires", props.groups, { id, message: "Describe for the consumer why this is not possible." })]);
  };
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        Rules decide what can be combined. Each has a message the consumer sees next to whatever it blocks or changes. The analysis on the right re-checks them as you type.
      </p>
      {rules.map((rule, index) => (
        <fieldset
          key={index}
          id={ruleAnchor(rule.id)}
          data-testid="rule-card"
          className={`scroll-mt-4 space-y-3 rounded-lg border p-4 ${props.troubled.has(rule.id) ? "border-amber-400 bg-amber-50/40" : "border-slate-200 bg-white"}`}
        >
          <legend className="sr-only">Rule {rule.id || index + 1}</legend>
          <div className="flex items-center justify-between gap-2">
            <div className="flex items-center gap-2 text-sm font-semibold">
              Rule {index + 1}: <code className="font-mono text-xs">{rule.id}</code>
              {props.troubled.has(rule.id) ? <Badge tone="warn">involved in a problem</Badge> : null}
            </div>
            <ListItemActions
              name={`rule ${rule.id || index + 1}`}
              index={index}
              count={rules.length}
              onMove={(offset) => props.onChange(moveItem(rules, index, offset))}
              onRemove={() => props.onChange(removeAt(rules, index))}
            />
          </div>
          <RuleEditor path={`rules.${index}`} rule={rule} groups={props.groups} onChange={(next) => props.onChange(replaceAt(rules, index, next))} />
        </fieldset>
      ))}
      <Button type="button" variant="secondary" onClick={add}>
        Add rule
      </Button>
    </div>
  );
}
