import Papa from "papaparse";
import { z } from "zod";

export type RowError = { row: number; field: string; message: string };
export type CsvParse<T> = { ok: true; rows: T[] } | { ok: false; errors: RowError[] };

export const MAX_CSV_ROWS = 5_000;

/**
 * Reads a CSV with a header line and checks every row with `schema`. All or nothing: any bad
 * row (or a missing column) fails the whole file, listing every problem with its line number
 * (the header is line 1), so a partial import never happens.
 */
export function parseCsv<T>(text: string, schema: z.ZodType<T>, requiredColumns: string[]): CsvParse<T> {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (header) => header.trim().toLowerCase(),
  });
  const errors: RowError[] = [];
  const columns = parsed.meta.fields ?? [];
  for (const column of requiredColumns) if (!columns.includes(column)) errors.push({ row: 1, field: column, message: `Missing column "${column}".` });
  for (const error of parsed.errors) errors.push({ row: (error.row ?? 0) + 2, field: "(row)", message: error.message });
  if (parsed.data.length > MAX_CSV_ROWS) errors.push({ row: 1, field: "(file)", message: `At most ${MAX_CSV_ROWS} rows per file.` });
  if (errors.length > 0) return { ok: false, errors };
  const rows: T[] = [];
  parsed.data.forEach((record, index) => {
    const result = schema.safeParse(record);
    if (result.success) rows.push(result.data);
    else for (const issue of result.error.issues) errors.push({ row: index + 2, field: issue.path.map(String).join(".") || "(row)", message: issue.message });
  });
  if (parsed.data.length === 0) errors.push({ row: 2, field: "(file)", message: "The file has no rows." });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}
