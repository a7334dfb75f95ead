"use client";

import type { OptionGroup, Routing } from "@/lib/core/configurator";
import { Button } from "@/components/ui/button";
import { CapabilitiesField } from "./capabilities-field";
import { ConditionEditor, defaultCondition } from "./condition-editor";
import { NumberField, SelectField } from "./editor-controls";
import { moveItem, removeAt, replaceAt } from "./list-edits";
import { ListItemActions } from "./list-item-actions";

const NO_FAMILY_GROUP = "(none)";

/**
 * How a unit becomes a production job: the capabilities a line needs, minutes at speed 1, the
 * group whose option picks the job family (<product type>-<variant>), and extras per condition.
 */
export function RoutingSection(props: { routing: Routing; groups: readonly OptionGroup[]; productType: string; onChange: (routing: Routing) => void }) {
  const { routing, groups } = props;
  const singles = groups.filter((group) => group.kind === "single").map((group) => ({ value: group.code, label: group.label || group.code }));
  const extras = routing.extras;
  const setExtras = (next: Routing["extras"]) => props.onChange({ ...routing, extras: next });
  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-3">
        <CapabilitiesField path="routing.capabilities" label="Required capabilities" hint="Comma-separated, e.g. sheet-metal, foaming." value={routing.capabilities} onChange={(capabilities) => props.onChange({ ...routing, capabilities })} />
        <NumberField path="routing.minutesPerUnit" label="Minutes per unit (at line speed 1)" value={routing.minutesPerUnit} onChange={(minutesPerUnit) => props.onChange({ ...routing, minutesPerUnit: minutesPerUnit ?? Number.NaN })} />
        <SelectField
          path="routing.familyGroup"
          label="Family group"
          hint={`Job family: ${props.productType}-<the chosen option's variant>, or ${props.productType}-standard.`}
          value={routing.familyGroup ?? NO_FAMILY_GROUP}
          options={[{ value: NO_FAMILY_GROUP, label: "None (one family)" }, ...singles]}
          onChange={(code) => props.onChange({ ...routing, familyGroup: code === NO_FAMILY_GROUP ? undefined : code })}
        />
      </div>
      <div className="space-y-3">
        <div className="text-sm font-semibold">Extras</div>
        {extras.map((extra, index) => (
          <fieldset key={index} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
            <legend className="sr-only">Routing extra {index + 1}</legend>
            <div className="flex items-center justify-between">
              <span className="text-sm font-medium">Extra {index + 1}</span>
              <ListItemActions name={`routing extra ${index + 1}`} index={index} count={extras.length} onMove={(offset) => setExtras(moveItem(extras, index, offset))} onRemove={() => setExtras(removeAt(extras, index))} />
            </div>
            <ConditionEditor path={`routing.extras.${index}.when`} legend="When" condition={extra.when} groups={groups} onChange={(when) => setExtras(replaceAt(extras, index, { ...extra, when }))} />
            <div className="grid gap-3 sm:grid-cols-2">
              <NumberField path={`routing.extras.${index}.minutes`} label="Extra minutes" value={extra.minutes} onChange={(minutes) => setExtras(replaceAt(extras, index, { ...extra, minutes: minutes ?? Number.NaN }))} />
              <CapabilitiesField path={`routing.extras.${index}.capabilities`} label="Extra capabilities" value={extra.capabilities} onChange={(capabilities) => setExtras(replaceAt(extras, index, { ...extra, capabilities }))} />
            </div>
          </fieldset>
        ))}
        <Button type="button" variant="secondary" onClick={() => setExtras([...extras, { when: defaultCondition(groups[0]), minutes: 0, capabilities: [] }])}>
          Add extra
        </Button>
      </div>
    </div>
  );
}
