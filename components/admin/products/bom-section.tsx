"use client";

import type { BomLine, OptionGroup } from "@/lib/core/configurator";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { ConditionEditor, defaultCondition } from "./condition-editor";
import { CheckboxField, NumberField, SelectField } from "./editor-controls";
import type { PartChoice } from "./editor-types";
import { moveItem, removeAt, replaceAt } from "./list-edits";
import { ListItemActions } from "./list-item-actions";

/**
 * The bill of materials: parts per unit of the product, from the manufacturer's own parts
 * catalogue, optionally only when a condition holds and scaled by a numeric group.
 */
export function BomSection(props: { bom: BomLine[]; groups: readonly OptionGroup[]; parts: readonly PartChoice[]; onChange: (bom: BomLine[]) => void }) {
  const { bom, parts } = props;
  const add = () => props.onChange([...bom, { partNumber: parts[0]?.partNumber ?? "", quantity: 1 }]);
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">
        Parts come from your <Link href="/admin/parts" className="font-medium text-brand-600 hover:underline">parts catalogue</Link>; a part number it does not have is refused on save.
      </p>
      {bom.map((line, index) => (
        <fieldset key={index} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <legend className="sr-only">BOM line {index + 1}</legend>
          <div className="flex items-center justify-between gap-2">
            <span className="text-sm font-semibold">
              Line {index + 1}: <code className="font-mono text-xs">{line.partNumber}</code>
            </span>
            <ListItemActions name={`BOM line ${index + 1}`} index={index} count={bom.length} onMove={(offset) => props.onChange(moveItem(bom, index, offset))} onRemove={() => props.onChange(removeAt(bom, index))} />
          </div>
          <BomLineEditor path={`bom.${index}`} line={line} groups={props.groups} parts={parts} onChange={(next) => props.onChange(replaceAt(bom, index, next))} />
        </fieldset>
      ))}
      <Button type="button" variant="secondary" onClick={add} disabled={parts.length === 0}>
        Add BOM line
      </Button>
    </div>
  );
}

function BomLineEditor(props: { path: string; line: BomLine; groups: readonly OptionGroup[]; parts: readonly PartChoice[]; onChange: (line: BomLine) => void }) {
  const { line, path, groups } = props;
  const numeric = groups.filter((group) => group.kind === "numeric");
  const unit = props.parts.find((part) => part.partNumber === line.partNumber)?.unit;
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-[1fr_10rem]">
        <SelectField
          path={`${path}.partNumber`}
          label="Part"
          value={line.partNumber}
          options={props.parts.map((part) => ({ value: part.partNumber, label: `${part.partNumber} — ${part.name} (${part.unit})` }))}
          onChange={(partNumber) => props.onChange({ ...line, partNumber })}
        />
        <NumberField path={`${path}.quantity`} label={`Quantity${unit ? ` (${unit})` : ""}`} value={line.quantity} onChange={(quantity) => props.onChange({ ...line, quantity: quantity ?? Number.NaN })} />
      </div>
      <CheckboxField
        path={`${path}.conditional`}
        label="Only when a condition holds"
        checked={line.when !== undefined}
        onChange={(checked) => props.onChange({ ...line, when: checked ? defaultCondition(groups[0]) : undefined })}
      />
      {line.when ? <ConditionEditor path={`${path}.when`} legend="Only when" condition={line.when} groups={groups} onChange={(when) => props.onChange({ ...line, when })} /> : null}
      <CheckboxField
        path={`${path}.scaled`}
        label="Scale the quantity by a numeric group"
        checked={line.scaleBy !== undefined}
        onChange={(checked) => props.onChange({ ...line, scaleBy: checked ? { group: numeric[0]?.code ?? "", factor: 1 } : undefined })}
      />
      {line.scaleBy ? (
        <div className="grid gap-3 sm:grid-cols-3">
          <SelectField
            path={`${path}.scaleBy.group`}
            label="Numeric group"
            value={line.scaleBy.group}
            options={numeric.map((group) => ({ value: group.code, label: group.label || group.code }))}
            onChange={(group) => props.onChange({ ...line, scaleBy: { ...line.scaleBy!, group } })}
          />
          <NumberField path={`${path}.scaleBy.factor`} label="Factor per unit of the group" value={line.scaleBy.factor} onChange={(factor) => props.onChange({ ...line, scaleBy: { ...line.scaleBy!, factor: factor ?? Number.NaN } })} />
          <NumberField path={`${path}.scaleBy.roundUpTo`} label="Round up to a multiple of" hint="Empty: no rounding." optional value={line.scaleBy.roundUpTo} onChange={(roundUpTo) => props.onChange({ ...line, scaleBy: { ...line.scaleBy!, roundUpTo } })} />
        </div>
      ) : null}
    </div>
  );
}
