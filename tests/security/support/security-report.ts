import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The figures the proof reports (matrix size, fuzz cases, fault scenarios), one JSON file per
 * part under .test-data/security-report/; `npm run test:security` prints them all at the end.
 */
const DIR = path.resolve(process.cwd(), ".test-data", "security-report");

export function writeSecurityReport(name: string, figures: Record<string, unknown>): void {
  mkdirSync(DIR, { recursive: true });
  writeFileSync(path.join(DIR, `${name}.json`), `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`[security] ${name}: ${JSON.stringify(figures)}`);
}

export function readSecurityReports(): Record<string, unknown> {
  try {
    return Object.fromEntries(readdirSync(DIR).filter((name) => name.endsWith(".json")).map((name) => [name.replace(/\.json$/, ""), JSON.parse(readFileSync(path.join(DIR, name), "utf8"))]));
  } catch {
    return {};
  }
}

/** Removes the figures of an earlier run (a file that did not run this time must not show). */
export function clearSecurityReports(): void {
  rmSync(DIR, { recursive: true, force: true });
}
