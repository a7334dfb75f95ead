import { z } from "zod";
import { CodeSchema } from "../configurator/definition/code-schema";
import type { SetupTable } from "../planning/planning-model";

/** A job family, `<productType>-<variant>` ("fridge-steel"): the routing's codes joined. */
export const FamilySchema = CodeSchema;

/** Changeover minutes between two families: at most a day. */
export const SetupMinutesSchema = z
  .number({ error: "Minutes, as a whole number." })
  .int("Whole minutes.")
  .min(0, "0 minutes or more.")
  .max(1_440, "At most 1440 minutes (a day).");

/**
 * One cell of the matrix as the editor saw it (`before`) and wants it (`after`); null means
 * "no entry: the default applies". Sending what was seen lets the server refuse to overwrite a
 * cell someone else changed meanwhile, while edits to different cells never collide.
 */
export const SetupCellChangeSchema = z
  .object({ from: FamilySchema, to: FamilySchema, before: SetupMinutesSchema.nullable(), after: SetupMinutesSchema.nullable() })
  .refine((cell) => cell.from !== cell.to, { path: ["to"], message: "A family needs no setup to itself." });
export type SetupCellChange = z.infer<typeof SetupCellChangeSchema>;

export const SaveSetupMatrixSchema = z
  .object({
    defaultMinutes: z.object({ before: SetupMinutesSchema, after: SetupMinutesSchema }).optional(),
    cells: z.array(SetupCellChangeSchema).max(10_000, "At most 10,000 cells at once.").default([]),
  })
  .superRefine((save, context) => {
    const seen = new Set<string>();
    save.cells.forEach((cell, index) => {
      const key = `${cell.from}\u0000${cell.to}`;
      if (seen.has(key)) context.addIssue({ code: "custom", path: ["cells", index], message: `${cell.from} → ${cell.to} is listed twice.` });
      seen.add(key);
    });
  });
export type SaveSetupMatrix = z.infer<typeof SaveSetupMatrixSchema>;
export type SaveSetupMatrixInput = z.input<typeof SaveSetupMatrixSchema>;

/** The explicit entry for from → to, or null when the default applies. */
export function setupCell(table: SetupTable, from: string, to: string): number | null {
  return table.matrix[from]?.[to] ?? null;
}

/** What changed between the matrix as read and as edited, as a save request. */
export function diffSetupMatrix(before: SetupTable, after: SetupTable): SaveSetupMatrix {
  const cells: SetupCellChange[] = [];
  const froms = new Set([...Object.keys(before.matrix), ...Object.keys(after.matrix)]);
  for (const from of [...froms].sort()) {
    const tos = new Set([...Object.keys(before.matrix[from] ?? {}), ...Object.keys(after.matrix[from] ?? {})]);
    for (const to of [...tos].sort()) {
      if (from === to) continue;
      const was = setupCell(before, from, to);
      const next = setupCell(after, from, to);
      if (was !== next) cells.push({ from, to, before: was, after: next });
    }
  }
  return {
    ...(before.defaultMinutes !== after.defaultMinutes ? { defaultMinutes: { before: before.defaultMinutes, after: after.defaultMinutes } } : {}),
    cells,
  };
}

export type SetupMatrixConflict = { from: string; to: string; expected: number | null; actual: number | null } | { default: true; expected: number; actual: number };

/**
 * Applies a save to the stored matrix. Every change must start from what is stored now; the
 * ones that do not are returned as conflicts and nothing is applied (the editor reloads).
 */
export function applySetupMatrixSave(
  stored: SetupTable,
  save: SaveSetupMatrix,
): { ok: true; table: SetupTable; upserts: Array<{ from: string; to: string; minutes: number }>; deletes: Array<{ from: string; to: string }> } | { ok: false; conflicts: SetupMatrixConflict[] } {
  const conflicts: SetupMatrixConflict[] = [];
  if (save.defaultMinutes && save.defaultMinutes.before !== stored.defaultMinutes) {
    conflicts.push({ default: true, expected: save.defaultMinutes.before, actual: stored.defaultMinutes });
  }
  for (const cell of save.cells) {
    const actual = setupCell(stored, cell.from, cell.to);
    // A cell already holding what the editor wants is not a conflict: two people made the same edit.
    if (actual !== cell.before && actual !== cell.after) conflicts.push({ from: cell.from, to: cell.to, expected: cell.before, actual });
  }
  if (conflicts.length > 0) return { ok: false, conflicts };
  const matrix: SetupTable["matrix"] = Object.fromEntries(Object.entries(stored.matrix).map(([from, row]) => [from, { ...row }]));
  const upserts: Array<{ from: string; to: string; minutes: number }> = [];
  const deletes: Array<{ from: string; to: string }> = [];
  for (const cell of save.cells) {
    if (cell.after === null) {
      if (matrix[cell.from]) delete matrix[cell.from]![cell.to];
      deletes.push({ from: cell.from, to: cell.to });
    } else {
      (matrix[cell.from] ??= {})[cell.to] = cell.after;
      upserts.push({ from: cell.from, to: cell.to, minutes: cell.after });
    }
  }
  for (const [from, row] of Object.entries(matrix)) if (Object.keys(row).length === 0) delete matrix[from];
  return { ok: true, table: { defaultMinutes: save.defaultMinutes?.after ?? stored.defaultMinutes, matrix }, upserts, deletes };
}

/** Every family the matrix should show: those it lists and those in use, sorted. */
export function matrixFamilies(table: SetupTable, ...inUse: Iterable<string>[]): string[] {
  const families = new Set<string>();
  for (const [from, row] of Object.entries(table.matrix)) {
    families.add(from);
    for (const to of Object.keys(row)) families.add(to);
  }
  for (const list of inUse) for (const family of list) families.add(family);
  return [...families].sort();
}

export function describeSetupConflict(conflict: SetupMatrixConflict): string {
  const show = (minutes: number | null) => (minutes === null ? "default" : `${minutes} min`);
  return "default" in conflict
    ? `the default is now ${conflict.actual} min (you started from ${conflict.expected} min)`
    : `${conflict.from} → ${conflict.to} is now ${show(conflict.actual)} (you started from ${show(conflict.expected)})`;
}
