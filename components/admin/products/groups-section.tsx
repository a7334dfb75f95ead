"use client";

import { useContext, useState } from "react";
import type { OptionGroup } from "@/lib/core/configurator";
import { Button } from "@/components/ui/button";
import { IssuesContext } from "./editor-controls";
import { GroupEditor } from "./group-editor";
import { groupAsKind } from "./group-templates";
import { freshCode, moveItem, removeAt, replaceAt } from "./list-edits";
import { ListItemActions } from "./list-item-actions";

const describe = (group: OptionGroup) =>
  group.kind === "single" || group.kind === "multi" ? `${group.kind === "single" ? "single choice" : "multiple choice"}, ${group.options.length} options` : group.kind === "numeric" ? `number ${group.min}–${group.max} ${group.unit}` : `text up to ${group.maxLength}`;

/** The option groups in the order the consumer sees them, each folded open on demand — or while it has an error. */
export function GroupsSection(props: { groups: OptionGroup[]; currency: string; onChange: (groups: OptionGroup[]) => void }) {
  const { groups } = props;
  const issues = useContext(IssuesContext);
  const [unfolded, setUnfolded] = useState<ReadonlySet<number>>(new Set());
  const hasIssue = (index: number) => [...issues.keys()].some((path) => path.startsWith(`groups.${index}.`));
  // By position, not code: editing a group's code must not fold it.
  const toggle = (index: number, open: boolean) =>
    setUnfolded((current) => {
      const next = new Set(current);
      if (open) next.add(index);
      else next.delete(index);
      return next;
    });
  const add = () => {
    const code = freshCode("new-group", groups.map((group) => group.code));
    props.onChange([...groups, groupAsKind({ code, label: "New group", kind: "single", required: false, options: [] }, "single")]);
  };
  return (
    <div className="space-y-3">
      {groups.map((group, index) => (
        <details
          key={index}
          open={unfolded.has(index) || hasIssue(index)}
          onToggle={(event) => toggle(index, event.currentTarget.open)}
          className="rounded-lg border border-slate-200 bg-white"
          data-testid={`group-${group.code}`}
        >
          <summary className="flex cursor-pointer items-center justify-between gap-2 px-4 py-3">
            <span>
              <span className="font-medium">{group.label || group.code || `Group ${index + 1}`}</span>{" "}
              <span className="text-xs text-slate-500">
                {group.code} · {describe(group)}
                {group.required ? " · required" : ""}
              </span>
            </span>
            <ListItemActions
              name={`group ${group.label || group.code}`}
              index={index}
              count={groups.length}
              onMove={(offset) => props.onChange(moveItem(groups, index, offset))}
              onRemove={() => props.onChange(removeAt(groups, index))}
            />
          </summary>
          <div className="border-t border-slate-100 p-4">
            <GroupEditor path={`groups.${index}`} group={group} currency={props.currency} onChange={(next) => props.onChange(replaceAt(groups, index, next))} />
          </div>
        </details>
      ))}
      <Button type="button" variant="secondary" onClick={add}>
        Add group
      </Button>
    </div>
  );
}
