"use client";

import { useRef, useState } from "react";
import { ApiError, apiFetch } from "@/components/api-fetch";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type RowError = { row: number; field: string; message: string };

/**
 * Import and export of one CSV kind. An import is all or nothing: when the server refuses the
 * file, every bad line is listed and nothing was imported.
 */
export function CsvImportExport({ label, importUrl, exportUrl, columns, onImported }: { label: string; importUrl: string; exportUrl: string; columns: readonly string[]; onImported: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: "success" | "error"; text: string; rows?: RowError[] } | null>(null);

  const upload = async (file: File) => {
    setBusy(true);
    setResult(null);
    try {
      const body = await file.text();
      const saved = await apiFetch<{ saved: number }>(importUrl, { method: "POST", body, headers: { "content-type": "text/csv" } });
      setResult({ tone: "success", text: `Imported ${saved.saved} ${label} from ${file.name}.` });
      onImported();
    } catch (error) {
      const rows = error instanceof ApiError ? (error.details as { rows?: RowError[] } | undefined)?.rows : undefined;
      setResult({ tone: "error", text: error instanceof Error ? error.message : "Import failed.", rows });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  };

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="secondary" size="sm" disabled={busy} onClick={() => input.current?.click()}>
          {busy ? "Importing…" : `Import ${label} (CSV)`}
        </Button>
        <input ref={input} type="file" accept=".csv,text/csv" className="sr-only" aria-label={`CSV file of ${label}`} onChange={(e) => e.target.files?.[0] && upload(e.target.files[0])} />
        <Button asChild variant="ghost" size="sm">
          <a href={exportUrl} download>
            Export {label}
          </a>
        </Button>
        <span className="text-xs text-slate-500">columns: {columns.join(", ")}</span>
      </div>
      {result ? (
        <Alert tone={result.tone}>
          {result.text}
          {result.rows && result.rows.length > 0 ? (
            <ul className="mt-2 max-h-48 list-disc overflow-y-auto pl-5 text-xs">
              {result.rows.map((row, index) => (
                <li key={index}>
                  line {row.row}, {row.field}: {row.message}
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
    </div>
  );
}
