/**
 * RFC 4180 CSV. Cells that a spreadsheet would run as a formula (= + - @ at the start) get a
 * leading apostrophe: an export must never become an attack on whoever opens it.
 */
export type CsvCell = string | number | boolean | null | undefined | Date;

function cellText(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  const text = String(value);
  const guarded = typeof value === "string" && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
  return [header, ...rows].map((row) => row.map(cellText).join(",")).join("\r\n") + "\r\n";
}
