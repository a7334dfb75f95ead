"use client";

import * as Tabs from "@radix-ui/react-tabs";
import type { Rule } from "@/lib/core/configurator";
import { BasicsSection } from "./basics-section";
import { BomSection } from "./bom-section";
import { sectionOf, type DraftDocument, type FieldIssue, type PartChoice, type Section } from "./editor-types";
import { GroupsSection } from "./groups-section";
import { JsonSection } from "./json-section";
import { PriceRulesSection } from "./price-rules-section";
import { RoutingSection } from "./routing-section";
import { RulesSection } from "./rules-section";
import { SectionBoundary } from "./section-boundary";

export type EditorTab = Section | "json";

const TAB_LABELS: Record<EditorTab, string> = {
  basics: "Basics",
  groups: "Options",
  rules: "Rules",
  priceRules: "Prices",
  bom: "BOM",
  routing: "Routing",
  json: "Advanced: JSON",
};

const asArray = <T,>(value: T[] | undefined): T[] => (Array.isArray(value) ? value : []);

/** One tab per section of the document, each a form over that section, plus the raw JSON. */
export function EditorTabs(props: {
  tab: EditorTab;
  onTab: (tab: EditorTab) => void;
  draft: DraftDocument;
  onEdit: (draft: DraftDocument) => void;
  issues: readonly FieldIssue[];
  troubledRules: ReadonlySet<string>;
  parts: readonly PartChoice[];
  published: boolean;
}) {
  const { draft, onEdit } = props;
  const groups = asArray(draft.groups);
  const errorsIn = (tab: EditorTab) => (tab === "json" ? 0 : props.issues.filter((issue) => sectionOf(issue.path) === tab).length);
  return (
    <Tabs.Root value={props.tab} onValueChange={(value) => props.onTab(value as EditorTab)}>
      <Tabs.List aria-label="Sections of the product" className="mb-4 flex flex-wrap gap-1 border-b border-slate-200">
        {(Object.keys(TAB_LABELS) as EditorTab[]).map((tab) => (
          <Tabs.Trigger
            key={tab}
            value={tab}
            className="-mb-px rounded-t-md border border-transparent px-3 py-2 text-sm text-slate-600 hover:text-ink data-[state=active]:border-slate-200 data-[state=active]:border-b-white data-[state=active]:bg-white data-[state=active]:font-medium data-[state=active]:text-ink"
          >
            {TAB_LABELS[tab]}
            {errorsIn(tab) > 0 ? (
              <span className="ml-1.5 rounded-full bg-red-100 px-1.5 text-xs text-red-800" aria-label={`${errorsIn(tab)} errors`}>
                {errorsIn(tab)}
              </span>
            ) : null}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      <Tabs.Content value="basics">
        <SectionBoundary resetKey={draft}>
          <BasicsSection
            basics={draft}
            groups={groups}
            published={props.published}
            onChange={(basics) => onEdit({ ...draft, ...basics, description: basics.description, preview: basics.preview })}
          />
        </SectionBoundary>
      </Tabs.Content>
      <Tabs.Content value="groups">
        <SectionBoundary resetKey={draft}>
          <GroupsSection groups={groups} currency={draft.currency} onChange={(next) => onEdit({ ...draft, groups: next })} />
        </SectionBoundary>
      </Tabs.Content>
      <Tabs.Content value="rules">
        <SectionBoundary resetKey={draft}>
          <RulesSection rules={asArray<Rule>(draft.rules)} groups={groups} troubled={props.troubledRules} onChange={(rules) => onEdit({ ...draft, rules })} />
        </SectionBoundary>
      </Tabs.Content>
      <Tabs.Content value="priceRules">
        <SectionBoundary resetKey={draft}>
          <PriceRulesSection rules={asArray(draft.priceRules)} groups={groups} currency={draft.currency} onChange={(priceRules) => onEdit({ ...draft, priceRules })} />
        </SectionBoundary>
      </Tabs.Content>
      <Tabs.Content value="bom">
        <SectionBoundary resetKey={draft}>
          <BomSection bom={asArray(draft.bom)} groups={groups} parts={props.parts} onChange={(bom) => onEdit({ ...draft, bom })} />
        </SectionBoundary>
      </Tabs.Content>
      <Tabs.Content value="routing">
        <SectionBoundary resetKey={draft}>
          <RoutingSection
            routing={draft.routing ?? { capabilities: [], minutesPerUnit: 60, extras: [] }}
            groups={groups}
            productType={draft.productType}
            onChange={(routing) => onEdit({ ...draft, routing })}
          />
        </SectionBoundary>
      </Tabs.Content>
      <Tabs.Content value="json">
        <JsonSection draft={draft} onApply={onEdit} />
      </Tabs.Content>
    </Tabs.Root>
  );
}
