/**
 * npm run bench:schedule [-- --all] [--set NAME] [--time-limit-ms T]
 * npm run bench:schedule -- --repair [--plan-time-limit-ms T] [--repair-time-limit-ms T]
 *
 * Runs the schedbench yardstick (compare.mjs) on our CLI, set by set, one instance at a time,
 * and prints each set's table and its summary line. Exits non-zero when a run fails or an output
 * is infeasible. The yardstick lives outside the project: $SCHEDBENCH_DIR, by default
 * <project>/../shared/schedbench.
 *
 * --repair: on each medium instance, solves, puts the busiest line down for 8 hours from its
 * first job and repairs; prints the time to the repaired plan and the jobs moved off that line.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkSchedule } from "../../lib/core/scheduling/check-schedule";
import { InstanceSchema } from "../../lib/core/scheduling/instance-schema";
import { epochMinutesToIso, isoToEpochMinutes } from "../../lib/core/scheduling/iso-minutes";
import { repairPlan } from "../../lib/core/scheduling/repair";
import { solve } from "../../lib/core/scheduling/solve";

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

if (args.includes("--repair")) {
  const ok = benchRepair(path.join(benchDir, "sets", "medium"), {
    planTimeLimitMs: Number(valueOf("--plan-time-limit-ms") ?? 20_000),
    repairTimeLimitMs: Number(valueOf("--repair-time-limit-ms") ?? 1_000),
  });
  process.exit(ok ? 0 : 1);
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

/**
 * The repair figure of issue 4: on each medium instance, our plan, the busiest line down for
 * 8 hours from its first job, and the repaired plan.
 */
interface RepairBenchOptions {
  planTimeLimitMs: number;
  repairTimeLimitMs: number;
}

function benchRepair(setDir: string, options: RepairBenchOptions): boolean {
  const files = fs.readdirSync(setDir).filter((f) => /^[^.]+\.json$/.test(f)).sort();
  let ok = true;
  const rows: string[] = [];
  for (const file of files) {
    const instance = InstanceSchema.parse(JSON.parse(fs.readFileSync(path.join(setDir, file), "utf8")));
    const plan = { version: 1 as const, instance, schedule: solve(instance, { timeLimitMs: options.planTimeLimitMs }).schedule };
    // busiest line: most minutes of work; it goes down for 8 hours from its first job's setup
    const load = new Map<string, number>();
    const first = new Map<string, number>();
    for (const a of plan.schedule.assignments) {
      const start = isoToEpochMinutes(a.start) as number;
      load.set(a.lineId, (load.get(a.lineId) ?? 0) + (isoToEpochMinutes(a.end) as number) - start);
      first.set(a.lineId, Math.min(first.get(a.lineId) ?? Infinity, start - a.setupMinutes));
    }
    const busiest = [...load.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] as string;
    const from = first.get(busiest) as number;
    const event = {
      version: 1 as const,
      at: epochMinutesToIso(from),
      disruptions: [{ type: "line-down" as const, lineId: busiest, from: epochMinutesToIso(from), to: epochMinutesToIso(from + 480) }],
    };
    const started = performance.now();
    const result = repairPlan(plan, event, { timeLimitMs: options.repairTimeLimitMs });
    const wallMs = performance.now() - started;
    const check = checkSchedule(result.plan.instance, result.plan.schedule);
    if (!check.feasible) ok = false;
    const offLine = result.moved.filter((m) => m.from.lineId !== busiest).length;
    const before = checkSchedule(plan.instance, plan.schedule);
    rows.push(
      [
        file.replace(".json", "").padEnd(10),
        busiest.padEnd(5),
        String(result.displaced.length).padStart(9),
        String(result.moved.length).padStart(6),
        String(offLine).padStart(8),
        `${((100 * offLine) / instance.jobs.length).toFixed(2)} %`.padStart(9),
        String(Math.round(result.firstPlanMs)).padStart(10),
        String(Math.round(wallMs)).padStart(8),
        String(before.weightedTardiness).padStart(10),
        String(check.weightedTardiness).padStart(10),
        check.feasible ? "yes" : "NO",
      ].join("  "),
    );
  }
  console.log(
    [
      "instance  ".padEnd(10), "line ", "displaced".padStart(9), " moved".padStart(6), "off-line".padStart(8), "off-line%".padStart(9),
      "first ms".padStart(10), "total ms".padStart(8), "wT before".padStart(10), "wT after".padStart(10), "feasible",
    ].join("  "),
  );
  for (const row of rows) console.log(row);
  return ok;
}
