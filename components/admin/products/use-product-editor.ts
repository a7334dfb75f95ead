"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { AnalysisProblem } from "@/lib/core/configurator";
import { apiFetch, ApiError } from "@/components/api-fetch";
import { draftSaveBody, isDirty } from "./draft-save-body";
import type { DraftDocument, FieldIssue, ProductDraftData } from "./editor-types";

export type Notice = { tone: "success" | "error" | "info"; text: string };

const fieldsOf = (error: unknown): FieldIssue[] => {
  const details = error instanceof ApiError ? (error.details as { fields?: FieldIssue[] } | undefined) : undefined;
  return Array.isArray(details?.fields) ? details.fields : [];
};

/**
 * The editor's state: the server's view of the product (`base`), the draft being edited, and
 * the save / publish / archive calls. A stale save (409) is kept as a conflict for the admin to
 * resolve by reloading — never retried over someone else's change.
 */
export function useProductEditor(initial: ProductDraftData) {
  const url = `/api/admin/products/${initial.id}`;
  const [base, setBase] = useState(initial);
  const [saved, setSaved] = useState(initial.definition as DraftDocument);
  const [draft, setDraft] = useState(initial.definition as DraftDocument);
  const [serverProblems, setServerProblems] = useState<AnalysisProblem[]>(initial.problems);
  const [serverIssues, setServerIssues] = useState<FieldIssue[]>([]);
  const [conflict, setConflict] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  const reset = (data: ProductDraftData) => {
    setBase(data);
    setSaved(data.definition as DraftDocument);
    setDraft(data.definition as DraftDocument);
    setServerProblems(data.problems);
    setServerIssues([]);
    setConflict(false);
  };
  const reload = async () => reset(await apiFetch<ProductDraftData>(url));
  const fail = (error: Error) => setNotice({ tone: "error", text: error.message });

  // The document sent travels with the call: the admin may type on while it is under way.
  const save = useMutation({
    mutationFn: (sent: DraftDocument) =>
      apiFetch<{ revision: number; problems: AnalysisProblem[]; draftDiffers: boolean }>(`${url}/draft`, { method: "PUT", body: JSON.stringify(draftSaveBody(sent, saved, base.revision)) }),
    onMutate: () => setNotice(null),
    onSuccess: (result, sent) => {
      setBase((current) => ({ ...current, revision: result.revision, draftDiffers: result.draftDiffers }));
      setSaved(sent);
      setServerProblems(result.problems);
      setServerIssues([]);
      setNotice({ tone: "success", text: result.problems.length === 0 ? "Saved. The analysis found no problems." : `Saved as a draft with ${result.problems.length} problem${result.problems.length === 1 ? "" : "s"} to fix before publishing.` });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === "STALE_REVISION") setConflict(true);
      setServerIssues(fieldsOf(error));
      fail(error);
    },
  });

  const publish = useMutation({
    mutationFn: () => apiFetch<{ version: number }>(`${url}/publish`, { method: "POST", body: JSON.stringify({ revision: base.revision }) }),
    onMutate: () => setNotice(null),
    onSuccess: async (result) => {
      await reload();
      setNotice({ tone: "success", text: `Published version ${result.version}: new orders use it; placed orders keep theirs.` });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === "STALE_REVISION") setConflict(true);
      const problems = error instanceof ApiError ? (error.details as { problems?: AnalysisProblem[] } | undefined)?.problems : undefined;
      if (problems) setServerProblems(problems);
      fail(error);
    },
  });

  const archive = useMutation({
    mutationFn: (archived: boolean) => apiFetch<{ status: ProductDraftData["status"] }>(`${url}/archived`, { method: "PUT", body: JSON.stringify({ archived }) }),
    onMutate: () => setNotice(null),
    onSuccess: (result) => {
      setBase((current) => ({ ...current, status: result.status }));
      setNotice({ tone: "info", text: result.status === "archived" ? "Archived: the product is out of the catalogue." : "Back in the catalogue." });
    },
    onError: fail,
  });

  const edit = (next: DraftDocument) => {
    setDraft(next);
    setServerIssues([]); // they named paths of the document as it was when saved
  };

  return { base, draft, saved, dirty: isDirty(draft, saved), serverProblems, serverIssues, conflict, notice, edit, save, publish, archive, reload };
}
