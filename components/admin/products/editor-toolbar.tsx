"use client";

import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { Notice } from "./use-product-editor";

const STATUS_TONE = { draft: "info", published: "good", archived: "neutral" } as const;

/** Save, publish (with the reasons it is not possible yet), archive — and the outcome of the last one. */
export function EditorToolbar(props: {
  status: "draft" | "published" | "archived";
  revision: number;
  dirty: boolean;
  canSave: boolean;
  saveHint: string | null;
  saving: boolean;
  publishing: boolean;
  archiving: boolean;
  blockers: string[];
  conflict: boolean;
  notice: Notice | null;
  onSave: () => void;
  onPublish: () => void;
  onArchive: (archived: boolean) => void;
  onReload: () => void;
}) {
  return (
    // A fragment: the bar must be a child of the editor's full-height box to stay in view (sticky).
    <>
      {/* The buttons stay in reach while the admin scrolls through a long section. */}
      <div className="sticky top-0 z-20 -mx-2 flex flex-wrap items-center gap-3 bg-slate-50/95 px-2 py-2 backdrop-blur">
        <Badge tone={STATUS_TONE[props.status]}>{props.status}</Badge>
        <span className="text-xs text-slate-500">revision {props.revision}</span>
        {props.dirty ? <Badge tone="warn">unsaved changes</Badge> : null}
        <div className="ml-auto flex flex-wrap gap-2">
          <Button type="button" variant="secondary" onClick={() => props.onArchive(props.status !== "archived")} disabled={props.archiving}>
            {props.status === "archived" ? "Unarchive" : "Archive"}
          </Button>
          <Button type="button" variant="secondary" onClick={props.onSave} disabled={!props.canSave || props.saving} aria-describedby={props.saveHint ? "save-hint" : undefined}>
            {props.saving ? "Saving…" : "Save draft"}
          </Button>
          <Button type="button" onClick={props.onPublish} disabled={props.blockers.length > 0 || props.publishing} aria-describedby={props.blockers.length > 0 ? "publish-blockers" : undefined}>
            {props.publishing ? "Publishing…" : "Publish"}
          </Button>
        </div>
      </div>
      {props.saveHint ? (
        <p id="save-hint" className="text-right text-xs text-slate-600">
          {props.saveHint}
        </p>
      ) : null}
      {props.blockers.length > 0 ? (
        <ul id="publish-blockers" className="space-y-0.5 text-right text-xs text-slate-600" data-testid="publish-blockers">
          {props.blockers.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      ) : null}
      {props.conflict ? (
        <Alert tone="error">
          Someone else saved this product after you opened it; saving now would overwrite their change.{" "}
          <button type="button" className="font-medium underline" onClick={props.onReload}>
            Load the latest version
          </button>{" "}
          (your unsaved edits here are discarded — copy them from the JSON tab first if you need them).
        </Alert>
      ) : props.notice ? (
        <Alert tone={props.notice.tone}>{props.notice.text}</Alert>
      ) : null}
    </>
  );
}
