import { clearSecurityReports, readSecurityReports } from "../support/security-report";

/**
 * Starts each run with no figures from an earlier one, and prints what this run measured once
 * every file is done: the matrix's size, the fuzz cases run, the calls over real HTTP.
 */
export default function setup() {
  clearSecurityReports();
  return () => {
    const reports = readSecurityReports();
    const line = (name: string, figures: unknown) => `  ${name}: ${JSON.stringify(figures)}`;
    const summary = Object.entries(reports).map(([name, figures]) => {
      if (name === "http-fuzz" && figures && typeof figures === "object") {
        const { perRoute: _perRoute, answers: _answers, ...totals } = figures as Record<string, unknown>;
        return line(name, totals);
      }
      return line(name, figures);
    });
    console.log(`\n[security] figures of this run (.test-data/security-report/):\n${summary.join("\n")}`);
  };
}
