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

/**
 * Removes the figures of an earlier run of one suite (a file that did not run this time must not
 * show): the fault suite's are named "faults-…", the security suite's are the others.
 */
export function clearSecurityReports(suite: "security" | "faults"): void {
  for (const name of Object.keys(readSecurityReports())) {
    if (name.startsWith("faults-") === (suite === "faults")) rmSync(path.join(DIR, `${name}.json`), { force: true });
  }
}

/** The figures of one suite, a line each, for the end of its run. */
export function printSecurityReports(suite: "security" | "faults"): void {
  const lines = Object.entries(readSecurityReports())
    .filter(([name]) => name.startsWith("faults-") === (suite === "faults"))
    .map(([name, figures]) => {
      // The fuzzing's per-route breakdown stays in its file; the totals are what a reader wants here.
      const { perRoute: _perRoute, answers: _answers, ...totals } = figures as Record<string, unknown>;
      return `  ${name}: ${JSON.stringify(name === "http-fuzz" ? totals : figures)}`;
    });
  console.log(`\n[${suite}] figures of this run (.test-data/security-report/):\n${lines.join("\n")}`);
}
