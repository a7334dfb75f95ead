"use client";

import { useDeferredValue, useEffect, useMemo, useState } from "react";
import { checkDraftLive } from "./check-draft-live";
import { EditorTabs, type EditorTab } from "./editor-tabs";
import { EditorToolbar } from "./editor-toolbar";
import { fieldId, IssuesContext } from "./editor-controls";
import { sectionOf, type ProductDraftData } from "./editor-types";
import { PreviewPanel } from "./preview-panel";
import { ProblemsPanel } from "./problems-panel";
import { publishBlockers } from "./publish-blockers";
import { ruleAnchor } from "./rules-section";
import { useProductEditor } from "./use-product-editor";
import { VersionsPanel } from "./versions-panel";

/**
 * The product editor: a form per section of the definition document, with the analysis and a
 * preview of the defaults beside it, both recomputed in the browser as the admin types (the
 * same core the server runs on save; the server's answer decides publishing).
 */
export function ProductEditor({ initial }: { initial: ProductDraftData }) {
  const editor = useProductEditor(initial);
  const { base, draft } = editor;
  const [tab, setTab] = useState<EditorTab>("groups");
  // Typing stays responsive: the analysis catches up with the latest draft when it can.
  const checkedDraft = useDeferredValue(draft);
  const check = useMemo(() => checkDraftLive(checkedDraft, base.parts), [checkedDraft, base.parts]);

  const issues = useMemo(() => [...check.issues, ...editor.serverIssues], [check.issues, editor.serverIssues]);
  const issueMap = useMemo(() => new Map(issues.map((issue) => [issue.path, issue.message] as const)), [issues]);
  const troubledRules = useMemo(() => new Set([...check.problems, ...editor.serverProblems].flatMap((problem) => problem.ruleIds)), [check.problems, editor.serverProblems]);
  const blockers = publishBlockers({
    status: base.status,
    dirty: editor.dirty,
    conflict: editor.conflict,
    issues: issues.length,
    problems: check.problems.length,
    serverProblems: editor.serverProblems.length,
    publishedVersion: base.publishedVersion,
    draftDiffers: base.draftDiffers,
  });
  const canSave = editor.dirty && check.saveable && !editor.conflict && checkedDraft === draft;

  useEffect(() => {
    if (!editor.dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [editor.dirty]);

  // After switching tabs, bring the thing the admin asked for into view and focus it.
  const reveal = (nextTab: EditorTab, elementId: string) => {
    setTab(nextTab);
    requestAnimationFrame(() => {
      const element = document.getElementById(elementId);
      element?.scrollIntoView({ block: "center" });
      (element?.matches("input, select, textarea") ? element : element?.querySelector<HTMLElement>("input, select, textarea"))?.focus();
    });
  };

  return (
    <IssuesContext.Provider value={issueMap}>
      <div className="space-y-4">
        <EditorToolbar
          status={base.status}
          revision={base.revision}
          dirty={editor.dirty}
          canSave={canSave}
          saveHint={editor.dirty && !check.saveable ? `Fix the ${issues.length} error${issues.length === 1 ? "" : "s"} in the document to save.` : null}
          saving={editor.save.isPending}
          publishing={editor.publish.isPending}
          archiving={editor.archive.isPending}
          blockers={blockers}
          conflict={editor.conflict}
          notice={editor.notice}
          onSave={() => editor.save.mutate(draft)}
          onPublish={() => editor.publish.mutate()}
          onArchive={(archived) => editor.archive.mutate(archived)}
          onReload={() => void editor.reload()}
        />
        <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_360px]">
          <div className="min-w-0">
            <EditorTabs
              tab={tab}
              onTab={setTab}
              draft={draft}
              onEdit={editor.edit}
              issues={issues}
              troubledRules={troubledRules}
              parts={base.parts}
              published={base.publishedVersion !== null}
            />
          </div>
          <aside className="space-y-4 xl:sticky xl:top-16 xl:self-start" aria-label="Analysis and preview">
            <ProblemsPanel
              issues={issues}
              problems={check.problems}
              serverProblems={editor.serverProblems}
              rules={Array.isArray(draft.rules) ? draft.rules : []}
              onShowRule={(ruleId) => reveal("rules", ruleAnchor(ruleId))}
              onShowField={(path) => reveal(sectionOf(path), fieldId(path))}
            />
            <PreviewPanel preview={check.preview} name={typeof draft.name === "string" ? draft.name : "the product"} />
            <VersionsPanel versions={base.versions} publishedVersion={base.publishedVersion} draftVersion={base.draftVersion} draftDiffers={base.draftDiffers} />
          </aside>
        </div>
      </div>
    </IssuesContext.Provider>
  );
}
