import type { SetupTable } from "@/lib/core/planning/planning-model";
import { diffSetupMatrix, SetupMinutesSchema, type SaveSetupMatrix } from "@/lib/core/lines/setup-matrix";

export const cellKey = (from: string, to: string) => `${from}\u0000${to}`;

/** What the grid's typed texts mean: the edited matrix, the save it makes, and the cells that are not minutes. */
export function readMatrixEdits(saved: SetupTable, texts: ReadonlyMap<string, string>, defaultText: string): { save: SaveSetupMatrix; invalid: Map<string, string> } {
  const invalid = new Map<string, string>();
  const matrix: SetupTable["matrix"] = Object.fromEntries(Object.entries(saved.matrix).map(([from, row]) => [from, { ...row }]));
  for (const [key, text] of texts) {
    const [from, to] = key.split("\u0000") as [string, string];
    if (text.trim() === "") {
      if (matrix[from]) delete matrix[from]![to];
      continue;
    }
    const parsed = SetupMinutesSchema.safeParse(Number(text));
    if (!/^\s*\d+\s*$/.test(text) || !parsed.success) {
      invalid.set(key, parsed.success ? "Whole minutes." : (parsed.error.issues[0]?.message ?? "Whole minutes."));
      continue;
    }
    (matrix[from] ??= {})[to] = parsed.data;
  }
  const defaultParsed = SetupMinutesSchema.safeParse(Number(defaultText));
  const defaultValid = /^\s*\d+\s*$/.test(defaultText) && defaultParsed.success;
  if (!defaultValid) invalid.set("default", defaultParsed.success ? "Whole minutes." : (defaultParsed.error.issues[0]?.message ?? "Whole minutes."));
  return { save: diffSetupMatrix(saved, { defaultMinutes: defaultValid ? defaultParsed.data : saved.defaultMinutes, matrix }), invalid };
}
