/**
 * `npm run simulate -- [--days 30] [--orders-per-day N] [--seed S] [--out PATH]`
 *
 * Runs the demo factory through its real use cases in simulated time (lib/server/simulation),
 * on a fresh copy of the migrated, seeded template the integration tests use (never the demo's
 * ./.data/pglite): once promising capable-to-promise dates, once a naive fixed lead time, on the
 * same seed. The two runs are two child processes (one embedded database each, side by side on
 * two cores). Prints the figures of both, the naive lead time that would keep our rate, and
 * writes an HTML report with charts (default .data/simulation/report-<seed>.html).
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { disconnectDatabase } from "../lib/server/db";
import { stopPromiseWorker } from "../lib/server/promise/promise-worker-client";
import { runSimulation, type SimulationResult } from "../lib/server/simulation/run-simulation";
import { leadThatKeeps, naiveLine, simulationReportHtml, type ReportInput } from "../lib/server/simulation/simulation-report";
import { createTestDatabase, postgresAdminUrl, prepareTemplate, type DatabaseTemplate } from "../tests/support/test-database";
import { templateSnapshot } from "../tests/support/template-snapshot";

const USAGE =
  "usage: npm run simulate -- [--days 30] [--orders-per-day N] [--seed S] [--naive-lead-days 21] [--confidence 0.98] [--warmup-days 3] [--drain-days 35] [--run both|ours|naive] [--out PATH] [--quiet]";

const ArgsSchema = z.object({
  days: z.coerce.number().int().min(1).max(120).default(30),
  "orders-per-day": z.coerce.number().positive().max(2_000).optional(),
  seed: z.string().min(1).max(100).default("1"),
  /** The naive promise: the demo factory's own fixed lead time setting unless told otherwise. */
  "naive-lead-days": z.coerce.number().int().min(1).max(120).default(21),
  confidence: z.coerce.number().min(0.5).max(0.999).optional(),
  "warmup-days": z.coerce.number().int().min(0).max(30).optional(),
  "drain-days": z.coerce.number().int().min(0).max(90).optional(),
  run: z.enum(["both", "ours", "naive"]).default("both"),
  out: z.string().min(1).optional(),
  quiet: z.literal("true").optional(),
  /** Internal: a child run writes its result here instead of reporting. */
  "result-json": z.string().min(1).optional(),
});
type Args = z.output<typeof ArgsSchema>;

function parseArgs(argv: string[]): Args {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) throw new Error(`Unexpected argument "${arg}". ${USAGE}`);
    const [key, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
    if (!(key in ArgsSchema.shape)) throw new Error(`--${key}: unknown option. ${USAGE}`);
    raw[key] = inline ?? (key === "quiet" ? "true" : (argv[++i] ?? ""));
  }
  const parsed = ArgsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("\n"));
  return parsed.data;
}

/**
 * A run allocates short-lived rows and plans by the gigabyte; with V8's default 16 MB
 * semi-spaces the young-generation collector ran several thousand times a run (about a tenth of
 * its CPU). 64 MB: a tenth less CPU for ~100 MB more memory per run.
 */
const YOUNG_GENERATION = "--max-semi-space-size=64";

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** The templates (and, on PGlite, the seeded template's snapshot), made if missing. */
async function prepareSimulationTemplate(): Promise<{ template: DatabaseTemplate; snapshot: string | null }> {
  const template = await prepareTemplate();
  return { template, snapshot: template.kind === "pglite" ? await templateSnapshot(template.seededDir) : null };
}

/**
 * A fresh copy of the seeded demo database for one run. On PGlite it lives in memory, started
 * from a snapshot of the template (nothing to remove afterwards; on disk, PGlite's file-system
 * layer took a third of the run). With TEST_DATABASE_URL set, a PostgreSQL database copied from
 * the template (`prepared`: the parent process built the template already), dropped afterwards.
 */
async function simulationDatabase(prepared: boolean): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = postgresAdminUrl();
  if (adminUrl && prepared) return createTestDatabase({ kind: "postgres", adminUrl }, true);
  const { template, snapshot } = await prepareSimulationTemplate();
  if (snapshot) return { url: `pglite-memory:${snapshot}`, drop: async () => {} };
  return createTestDatabase(template, true);
}

/** One simulation on its own fresh database, removed afterwards (also on Ctrl-C). */
async function simulateOne(args: Args, which: "ours" | "naive"): Promise<SimulationResult> {
  const log = args.quiet ? () => {} : (line: string) => console.error(line);
  const database = await simulationDatabase(args["result-json"] !== undefined);
  const cleanUp = () => {
    void database.drop().finally(() => process.exit(130));
  };
  process.once("SIGINT", cleanUp);
  process.once("SIGTERM", cleanUp);
  process.env.DATABASE_URL = database.url;
  const label = which === "ours" ? "capable-to-promise" : `naive ${args["naive-lead-days"]} d`;
  try {
    return await runSimulation(
      {
        days: args.days,
        seed: args.seed,
        ordersPerDay: args["orders-per-day"] ?? null,
        warmupDays: args["warmup-days"],
        drainDays: args["drain-days"],
        confidence: args.confidence,
        promise: which === "ours" ? { mode: "capable-to-promise" } : { mode: "fixed-lead-time", leadTimeDays: args["naive-lead-days"] },
      },
      (line) => log(`[${label}] ${line}`),
    );
  } finally {
    await stopPromiseWorker();
    await disconnectDatabase();
    await database.drop();
    process.off("SIGINT", cleanUp);
    process.off("SIGTERM", cleanUp);
  }
}

/** Both runs at once, each in a child process of this script. */
async function simulateBoth(): Promise<{ ours: SimulationResult; naive: SimulationResult }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tailorline-simulate-"));
  const script = fileURLToPath(import.meta.url);
  const child = (which: "ours" | "naive") =>
    new Promise<SimulationResult>((resolve, reject) => {
      const file = path.join(dir, `${which}.json`);
      const argv = [...process.argv.slice(2).filter((_, i, all) => !["--run", "--result-json"].includes(all[i]!) && !["--run", "--result-json"].includes(all[i - 1]!)), "--run", which, "--result-json", file];
      const processHandle = spawn(process.execPath, [...process.execArgv, YOUNG_GENERATION, script, ...argv], { stdio: ["ignore", "inherit", "inherit"] });
      processHandle.on("error", reject);
      processHandle.on("exit", (code) => (code === 0 ? resolve(JSON.parse(readFileSync(file, "utf8")) as SimulationResult) : reject(new Error(`the ${which} run failed (exit ${code})`))));
    });
  try {
    // The template (and its snapshot) is built once here: two children building it at once on a
    // fresh clone race for the same folder (one fails renaming it).
    await prepareSimulationTemplate();
    const [ours, naive] = await Promise.all([child("ours"), child("naive")]);
    return { ours, naive };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  if (args["result-json"]) {
    const result = await simulateOne(args, args.run === "naive" ? "naive" : "ours");
    writeFileSync(args["result-json"], JSON.stringify(result));
    return;
  }
  let ours: SimulationResult | null = null;
  let naive: SimulationResult | null = null;
  if (args.run === "both") ({ ours, naive } = await simulateBoth());
  else if (args.run === "ours") ours = await simulateOne(args, "ours");
  else naive = await simulateOne(args, "naive");

  const any = (ours ?? naive)!;
  console.log(
    `load: ${any.ordersPerDay} orders/day over the demo catalogue on ${any.capacityMinutesPerDay} line-minutes/day = ${percent(any.plannedLoad)} of capacity (default --orders-per-day: the rate for ${percent(any.config.targetLoad)})`,
  );
  if (ours) console.log(`capable-to-promise (confidence ${ours.config.confidence}): ${ours.summary}`);
  if (naive) console.log(`naive fixed lead ${args["naive-lead-days"]} d: ${naive.summary}`);
  let comparison: ReportInput["comparison"] = null;
  if (ours && naive) {
    const keeping = leadThatKeeps(naive.outcomes, ours.metrics.keptRate);
    console.log(naiveLine(keeping, ours.metrics));
    comparison = { naive, naiveLead: args["naive-lead-days"], keeping };
  }
  if (ours) {
    const out = path.resolve(args.out ?? path.join(".data", "simulation", `report-${args.seed}.html`));
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, simulationReportHtml({ ours, comparison }));
    console.log(`report: ${path.relative(process.cwd(), out)}`);
  }
  console.error(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
