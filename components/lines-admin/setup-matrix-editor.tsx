"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useRef, useState, type KeyboardEvent } from "react";
import { apiFetch, ApiError } from "@/components/api-fetch";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { SetupMatrixView } from "@/lib/core/lines/line-admin-views";
import { FamilySchema, setupCell } from "@/lib/core/lines/setup-matrix";
import { cellKey, readMatrixEdits } from "./setup-matrix-changes";

const KEY = ["setup-matrix"];
const MOVES: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Enter: [1, 0] };

const show = (minutes: number | null, defaultMinutes: number) => (minutes === null ? `default (${defaultMinutes} min)` : `${minutes} min`);

/**
 * The setup matrix as a grid: changeover minutes from the row's family to the column's. An empty
 * cell uses the default, shown greyed. Arrow keys and Enter move between cells, Escape undoes a
 * cell; saving shows the changes first and sends only them, each with the value it started from.
 */
export function SetupMatrixEditor({ initial }: { initial: SetupMatrixView }) {
  const queryClient = useQueryClient();
  const view = useQuery({ queryKey: KEY, queryFn: () => apiFetch<SetupMatrixView>("/api/admin/setup-matrix"), initialData: initial, staleTime: Infinity, refetchOnWindowFocus: false });
  const saved = view.data.table;
  const canManage = view.data.canManage;
  const [texts, setTexts] = useState<Map<string, string>>(new Map());
  const [defaultText, setDefaultText] = useState(String(saved.defaultMinutes));
  const [added, setAdded] = useState<string[]>([]);
  const [newFamily, setNewFamily] = useState("");
  const [familyError, setFamilyError] = useState<string>();
  const [reviewing, setReviewing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const grid = useRef<HTMLTableElement>(null);

  const families = useMemo(() => {
    const listed = view.data.families.map((entry) => entry.family);
    return [...listed, ...added.filter((family) => !listed.includes(family))];
  }, [view.data.families, added]);
  const usage = new Map(view.data.families.map((entry) => [entry.family, entry]));
  const { save, invalid } = useMemo(() => readMatrixEdits(saved, texts, defaultText), [saved, texts, defaultText]);
  const changeCount = save.cells.length + (save.defaultMinutes ? 1 : 0);
  const defaultMinutes = save.defaultMinutes?.after ?? saved.defaultMinutes;

  const submit = useMutation({
    mutationFn: () => apiFetch<SetupMatrixView & { upserted: number; deleted: number }>("/api/admin/setup-matrix", { method: "PATCH", body: JSON.stringify(save) }),
    onSuccess: (next) => {
      queryClient.setQueryData(KEY, { table: next.table, families: next.families, canManage: next.canManage });
      setTexts(new Map());
      setDefaultText(String(next.table.defaultMinutes));
      setAdded([]);
      setNotice(`Saved ${changeCount} change(s). The scheduler uses them from its next run.`);
    },
    onSettled: () => setReviewing(false),
  });

  const setCell = (from: string, to: string, text: string) => {
    setNotice(null);
    setTexts((current) => {
      const next = new Map(current);
      const stored = setupCell(saved, from, to);
      if (text === (stored === null ? "" : String(stored))) next.delete(cellKey(from, to));
      else next.set(cellKey(from, to), text);
      return next;
    });
  };

  const moveFrom = (row: number, col: number, event: KeyboardEvent<HTMLInputElement>, from: string, to: string) => {
    if (event.key === "Escape") {
      event.preventDefault();
      const stored = setupCell(saved, from, to);
      return setCell(from, to, stored === null ? "" : String(stored));
    }
    const move = MOVES[event.key];
    if (!move) return;
    event.preventDefault();
    let [r, c] = [row + move[0], col + move[1]];
    if (r === c) [r, c] = [r + move[0], c + move[1]];
    const target = grid.current?.querySelector<HTMLInputElement>(`input[data-row="${r}"][data-col="${c}"]`);
    if (target) {
      target.focus();
      target.select();
    }
  };

  return (
    <div className="space-y-4">
      {view.error ? <Alert tone="error">{view.error.message}</Alert> : null}
      {submit.error ? (
        <Alert tone="error">
          {submit.error.message}
          {submit.error instanceof ApiError && submit.error.status === 409 ? (
            <>
              {" "}
              <Button size="sm" variant="secondary" onClick={() => queryClient.invalidateQueries({ queryKey: KEY })}>
                Reload the matrix (your edits stay)
              </Button>
            </>
          ) : null}
        </Alert>
      ) : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <Card className="flex flex-wrap items-end gap-4 p-4">
        <div className="w-48">
          <Field id="setup-default" label="Default minutes" error={invalid.get("default")} hint="For every pair without its own value.">
            <Input id="setup-default" inputMode="numeric" value={defaultText} disabled={!canManage} aria-invalid={invalid.has("default") ? true : undefined} aria-describedby={invalid.has("default") ? "setup-default-error" : undefined} onChange={(event) => setDefaultText(event.target.value)} />
          </Field>
        </div>
        {canManage ? (
          <form
            className="flex items-end gap-2"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              const parsed = FamilySchema.safeParse(newFamily.trim());
              if (!parsed.success) return setFamilyError(parsed.error.issues[0]?.message);
              if (families.includes(parsed.data)) return setFamilyError("Already in the matrix.");
              setFamilyError(undefined);
              setAdded([...added, parsed.data]);
              setNewFamily("");
            }}
          >
            <div className="w-56">
              <Field id="setup-new-family" label="Add a family" error={familyError} hint="<product type>-<variant>, e.g. fridge-glass.">
                <Input id="setup-new-family" value={newFamily} aria-invalid={familyError ? true : undefined} aria-describedby={familyError ? "setup-new-family-error" : undefined} onChange={(event) => setNewFamily(event.target.value)} />
              </Field>
            </div>
            <Button type="submit" variant="secondary">
              Add
            </Button>
          </form>
        ) : null}
        <div className="ml-auto flex items-center gap-2">
          {changeCount > 0 ? <span className="text-sm text-amber-700">{changeCount} unsaved change(s)</span> : null}
          {canManage && changeCount > 0 ? (
            <Button variant="ghost" onClick={() => { setTexts(new Map()); setDefaultText(String(saved.defaultMinutes)); }}>
              Discard
            </Button>
          ) : null}
          {canManage ? (
            <Button disabled={changeCount === 0 || invalid.size > 0} onClick={() => setReviewing(true)}>
              Review and save
            </Button>
          ) : null}
        </div>
      </Card>

      <Card className="overflow-auto">
        <table ref={grid} className="border-collapse text-sm" aria-label="Setup minutes from the row's family to the column's family" data-testid="setup-matrix">
          <thead>
            <tr>
              <th scope="col" className="sticky left-0 z-10 bg-slate-50 px-3 py-2 text-left text-xs font-medium text-slate-500">
                from ↓ to →
              </th>
              {families.map((family) => (
                <th key={family} scope="col" className="bg-slate-50 px-2 py-2 text-left text-xs font-medium whitespace-nowrap text-slate-700">
                  {family}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {families.map((from, row) => {
              const use = usage.get(from);
              return (
                <tr key={from} className="border-t border-slate-100">
                  <th scope="row" className="sticky left-0 z-10 bg-white px-3 py-1 text-left font-medium whitespace-nowrap">
                    {from}
                    <div className="text-[11px] font-normal text-slate-500">{use ? `${use.products} product(s) · ${use.jobs} open job(s)` : "new"}</div>
                  </th>
                  {families.map((to, col) => {
                    if (from === to) {
                      return (
                        <td key={to} className="bg-slate-50 px-2 text-center text-slate-400" aria-label={`${from} to itself: no setup`}>
                          —
                        </td>
                      );
                    }
                    const key = cellKey(from, to);
                    const stored = setupCell(saved, from, to);
                    const text = texts.get(key) ?? (stored === null ? "" : String(stored));
                    const edited = texts.has(key);
                    const error = invalid.get(key);
                    return (
                      <td key={to} className={`p-0.5 ${edited ? "bg-amber-50" : ""}`}>
                        <input
                          data-row={row}
                          data-col={col}
                          inputMode="numeric"
                          value={text}
                          placeholder={String(defaultMinutes)}
                          readOnly={!canManage}
                          aria-label={`Setup from ${from} to ${to}`}
                          aria-invalid={error ? true : undefined}
                          title={error ?? (text === "" ? `Default: ${defaultMinutes} min` : `${text} min`)}
                          onChange={(event) => setCell(from, to, event.target.value)}
                          onFocus={(event) => event.target.select()}
                          onKeyDown={(event) => moveFrom(row, col, event, from, to)}
                          className={`h-8 w-16 rounded border px-1.5 text-right tabular-nums placeholder:text-slate-400 placeholder:italic focus:outline-none focus:ring-2 focus:ring-brand-100 ${error ? "border-red-500" : edited ? "border-amber-400" : "border-transparent hover:border-slate-300"}`}
                        />
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </Card>
      <p className="text-xs text-slate-500">Minutes to change a line over from the row&apos;s family to the column&apos;s. Greyed numbers are the default. Arrow keys move between cells, Escape undoes one.</p>

      <Dialog open={reviewing} onOpenChange={setReviewing} title={`Save ${changeCount} change(s)?`} description="The scheduler and the board use them as soon as they are saved.">
        <ul className="max-h-72 space-y-1 overflow-auto text-sm" data-testid="setup-matrix-diff">
          {save.defaultMinutes ? (
            <li>
              Default: {save.defaultMinutes.before} min → <strong>{save.defaultMinutes.after} min</strong>
            </li>
          ) : null}
          {save.cells.map((cell) => (
            <li key={cellKey(cell.from, cell.to)}>
              {cell.from} → {cell.to}: {show(cell.before, saved.defaultMinutes)} → <strong>{show(cell.after, defaultMinutes)}</strong>
            </li>
          ))}
        </ul>
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setReviewing(false)}>
            Keep editing
          </Button>
          <Button disabled={submit.isPending} onClick={() => submit.mutate()}>
            {submit.isPending ? "Saving…" : "Save changes"}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
