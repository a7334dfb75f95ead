/**
 * npm run bench:schedule [-- --all] [--set NAME] [--time-limit-ms T]
 *
 * Runs the schedbench yardstick (compare.mjs) on our CLI, set by set, one instance at a time,
 * and prints each set's table and its summary line. Exits non-zero when a run fails or an output
 * is infeasible. The yardstick lives outside the project: $SCHEDBENCH_DIR, by default
 * <project>/../shared/schedbench.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const benchDir = path.resolve(process.env.SCHEDBENCH_DIR ?? path.join(projectDir, "../shared/schedbench"));

const args = process.argv.slice(2);
const valueOf = (flag: string) => {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
};
const sets = valueOf("--set")?.split(",") ?? (args.includes("--all") ? ["tiny", "small", "medium"] : ["tiny", "small"]);
const timeLimit = valueOf("--time-limit-ms");

if (!fs.existsSync(path.join(benchDir, "compare.mjs"))) {
  console.error(`schedbench not found at ${benchDir} (set SCHEDBENCH_DIR)`);
  process.exit(2);
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
// tsx's loader straight from the project's node_modules: no npx lookup inside the timed command
const tsx = fileURLToPath(import.meta.resolve("tsx"));
const cli = path.join(projectDir, "scripts", "schedule.ts");
const command = `${quote(process.execPath)} --import ${quote(tsx)} ${quote(cli)} {in} --time-limit-ms {t} > {out}`;

function run(set: string): Promise<{ code: number | null; summary: string | undefined; output: string }> {
  return new Promise((resolve) => {
    const compareArgs = ["compare.mjs", "--set", set, "--cmd", command];
    if (timeLimit) compareArgs.push("--time-limit-ms", timeLimit);
    const child = spawn(process.execPath, compareArgs, { cwd: benchDir, stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
    });
    child.on("close", (code) => {
      const summary = output.split("\n").find((line) => line.startsWith("summary:"));
      resolve({ code, summary, output });
    });
  });
}

let failed = false;
const summaries: string[] = [];
for (const set of sets) {
  const { code, summary } = await run(set);
  const feasible = summary ? /feasible (\d+)\/(\d+)/.exec(summary) : null;
  if (code !== 0 || !summary || !feasible || feasible[1] !== feasible[2]) failed = true;
  summaries.push(`${set.padEnd(6)} ${summary ?? "(no summary: compare.mjs failed)"}`);
}
console.log("\n" + summaries.join("\n"));
process.exit(failed ? 1 : 0);
