/**
 * The scheduler on FORMAT.md files (../shared/schedbench/FORMAT.md; ADR 0002 for PLAN and EVENT).
 *
 *   npx tsx scripts/schedule.ts INSTANCE.json --time-limit-ms T [--seed S] > SCHEDULE.json
 *   npx tsx scripts/schedule.ts --repair PLAN.json --event EVENT.json [--time-limit-ms T]
 *       [--seed S] [--max-moves K] [--move-weight W] > REPAIRED-PLAN.json
 *
 * The time limit counts from the process start. Malformed input exits 1 with the file and the
 * field at fault; the output is written in one piece only once it is complete.
 */
import fs from "node:fs";
import type { z } from "zod";
import { RepairInputError } from "../lib/core/scheduling/apply-repair-event";
import { InstanceSchema } from "../lib/core/scheduling/instance-schema";
import { PlanSchema } from "../lib/core/scheduling/plan-schema";
import { repairPlan } from "../lib/core/scheduling/repair";
import { RepairEventSchema } from "../lib/core/scheduling/repair-event-schema";
import { solve } from "../lib/core/scheduling/solve";

const USAGE = `usage:
  npx tsx scripts/schedule.ts INSTANCE.json --time-limit-ms T [--seed S] > SCHEDULE.json
  npx tsx scripts/schedule.ts --repair PLAN.json --event EVENT.json [--time-limit-ms T] [--seed S] [--max-moves K] [--move-weight W] > PLAN.json`;

/** Malformed input: exit 1. */
class InputError extends Error {}
/** Wrong command line: exit 2, with the usage. */
class UsageError extends Error {}

interface Arguments {
  positional: string[];
  options: Map<string, string>;
}

const VALUE_OPTIONS = new Set(["--time-limit-ms", "--seed", "--repair", "--event", "--max-moves", "--move-weight"]);

function parseArguments(argv: string[]): Arguments {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--help" || arg === "-h") {
      options.set("--help", "");
    } else if (VALUE_OPTIONS.has(arg)) {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`${arg} needs a value`);
      options.set(arg, value);
    } else if (arg.startsWith("--")) {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      positional.push(arg);
    }
  }
  return { positional, options };
}

function numberOption(args: Arguments, name: string, fallback: number): number {
  const raw = args.options.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new UsageError(`${name} must be a non-negative number, got ${raw}`);
  return value;
}

/** Reads and validates one JSON file; errors name the file and the path of every bad field. */
function readInput<T>(file: string, schema: z.ZodType<T>): T {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new InputError(`${file}: cannot read (${(error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 10).map((issue) => {
    const path = issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "");
    return `  ${path || "(root)"}: ${issue.message}`;
  });
  const more = parsed.error.issues.length > 10 ? `\n  … and ${parsed.error.issues.length - 10} more` : "";
  throw new InputError(`${file}: invalid input\n${issues.join("\n")}${more}`);
}

/** JSON with one array element per line: diff-friendly and far smaller than indented output. */
function formatJson(value: Record<string, unknown>, indent = ""): string {
  const inner = indent + "  ";
  const entries = Object.entries(value).map(([key, v]) => {
    if (Array.isArray(v) && v.length > 0 && typeof v[0] === "object") {
      return `${inner}${JSON.stringify(key)}: [\n${v.map((e) => `${inner}  ${JSON.stringify(e)}`).join(",\n")}\n${inner}]`;
    }
    if (v !== null && typeof v === "object" && !Array.isArray(v) && (key === "schedule" || key === "repair")) {
      return `${inner}${JSON.stringify(key)}: ${formatJson(v as Record<string, unknown>, inner)}`;
    }
    return `${inner}${JSON.stringify(key)}: ${JSON.stringify(v)}`;
  });
  return `{\n${entries.join(",\n")}\n${indent}}`;
}

/** Time left of the limit, counted from the process start, minus a margin for writing the output. */
function budget(limitMs: number, jobCount: number): number {
  const margin = 150 + 0.03 * jobCount;
  return Math.max(1, limitMs - performance.now() - margin);
}

function main(): number {
  const args = parseArguments(process.argv.slice(2));
  if (args.options.has("--help")) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const limitMs = numberOption(args, "--time-limit-ms", 10_000);
  const seed = args.options.get("--seed") ?? "1";
  const planFile = args.options.get("--repair");

  if (planFile !== undefined) {
    const eventFile = args.options.get("--event");
    if (!eventFile) throw new UsageError("--repair needs --event EVENT.json");
    if (args.positional.length > 0) throw new UsageError(`unexpected argument ${args.positional[0]}`);
    const plan = readInput(planFile, PlanSchema);
    const event = readInput(eventFile, RepairEventSchema);
    const maxMoves = args.options.has("--max-moves") ? numberOption(args, "--max-moves", 0) : undefined;
    const moveWeight = args.options.has("--move-weight") ? numberOption(args, "--move-weight", 0) : undefined;
    const result = repairPlan(plan, event, { timeLimitMs: budget(limitMs, plan.instance.jobs.length), seed, maxMoves, moveWeight });
    const report = {
      objective: result.objective,
      movedCount: result.moved.length,
      moved: result.moved,
      displaced: result.displaced,
      added: result.added,
      cancelled: result.cancelled,
      started: result.started,
      notes: result.notes,
      firstPlanMs: Math.round(result.firstPlanMs),
      elapsedMs: Math.round(result.elapsedMs),
    };
    process.stdout.write(`${formatJson({ ...result.plan, repair: report })}\n`);
    process.stderr.write(`repaired: ${result.moved.length} jobs moved (${result.displaced.length} displaced by the event), objective ${JSON.stringify(result.objective)}\n`);
    return 0;
  }

  if (args.positional.length !== 1) throw new UsageError(args.positional.length ? `one instance file expected, got ${args.positional.length}` : "no instance file given");
  const instance = readInput(args.positional[0] as string, InstanceSchema);
  const solveStart = performance.now();
  const result = solve(instance, { timeLimitMs: budget(limitMs, instance.jobs.length), seed });
  process.stdout.write(`${formatJson(result.schedule as unknown as Record<string, unknown>)}\n`);
  const firstPlanAt = Math.round(solveStart + result.firstFeasibleMs);
  process.stderr.write(
    `solved: ${JSON.stringify(result.objective)} after ${result.iterations} steps from ${result.construction}; ` +
      `first complete plan ${firstPlanAt} ms after the process started\n`,
  );
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`error: ${error.message}\n${USAGE}\n`);
    process.exitCode = 2;
  } else if (error instanceof InputError || error instanceof RepairInputError) {
    process.stderr.write(`error: ${error.message}\n`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
