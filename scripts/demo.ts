/**
 * `npm run demo` — from a fresh clone to a running factory: builds the app when the sources
 * changed since the last build, migrates the embedded database, seeds the demo data, prints
 * the demo sign-ins and starts the server on http://localhost:3000.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ensureAuthSecret } from "../lib/server/auth/auth-secret";
import { createAdapterFactory } from "../lib/server/db/adapter-factory";
import { describeDatabaseTarget, resolveDatabaseTarget } from "../lib/server/db/database-target";
import { applyMigrations } from "../lib/server/db/migrations";
import { disconnectDatabase } from "../lib/server/db";
import { prepareDemoFleet, type DemoAgent } from "../lib/server/lines/prepare-demo-fleet";
import { seedDemoActivity } from "../prisma/seed/seed-demo-activity";
import { seedDemoData } from "../prisma/seed/seed-demo-data";
import { printDemoSignIns } from "../prisma/seed/print-demo-sign-ins";

const ArgsSchema = z.object({
  port: z.coerce.number().int().min(1).max(65_535).default(3000),
  build: z.enum(["auto", "always", "never"]).default("auto"),
  size: z.enum(["small", "large"]).default("small"),
});

function parseArgs(argv: string[]) {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) throw new Error(`Unexpected argument "${arg}". Usage: npm run demo -- [--port 3000] [--build auto|always|never] [--size small|large]`);
    const [key, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
    raw[key] = inline ?? argv[++i] ?? "";
  }
  const parsed = ArgsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"));
  return parsed.data;
}

const SOURCES = ["app", "components", "lib", "next.config.ts", "postcss.config.mjs", "package-lock.json", "generated"];

function newestSourceMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestSourceMtime(path.join(entry, child)));
  return newest;
}

function buildIsStale(): boolean {
  const buildId = path.join(".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.some((source) => newestSourceMtime(source) > built);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const step = (label: string) => console.log(`\n▸ ${label}  (+${((Date.now() - started) / 1000).toFixed(1)} s)`);

  if (args.build === "always" || (args.build === "auto" && buildIsStale())) {
    step("Building the app (next build)");
    const code = await run("npx", ["next", "build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
    if (code !== 0) throw new Error("The build failed; see above.");
  } else {
    step("The build is up to date");
  }

  const target = resolveDatabaseTarget();
  step(`Migrating ${describeDatabaseTarget(target)}`);
  const handle = await createAdapterFactory(target);
  try {
    const applied = await applyMigrations(handle.factory);
    console.log(applied.length ? `  applied ${applied.join(", ")}` : "  up to date");
  } finally {
    await handle.close();
  }

  step("Seeding the demo factory");
  const summary = { ...(await seedDemoData()), ...(await seedDemoActivity(args.size)) };
  console.log(`  ${Object.entries(summary).map(([k, v]) => `${v} ${k}`).join(", ")}`);
  step("Issuing the demo fleet's line credentials and queueing demo work");
  const fleet = await prepareDemoFleet();
  const fleetFile = writeFleetFile(fleet, args.port);
  console.log(`  ${fleet.length} line agents (tokens only in ${fleetFile}): ${fleet.map((agent) => `${agent.code} ${agent.token.slice(0, 4)}…`).join(", ")}`);
  await disconnectDatabase();

  // The demo runs the production build; its session secret is made once and kept in .data/.
  const authSecret = ensureAuthSecret({ ...process.env, NODE_ENV: "development" });
  step(`Starting Tailorline on http://localhost:${args.port}`);
  printDemoSignIns(args.port);
  const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", TAILORLINE_DEMO: "1", PORT: String(args.port), AUTH_SECRET: authSecret },
  });
  // The whole simulated fleet runs in one extra process, once the server answers.
  let agents: ChildProcess | null = null;
  void waitForServer(args.port).then((ready) => {
    if (!ready || server.exitCode !== null) return;
    step("Starting the demo fleet (one simulated agent per line)");
    agents = spawn(process.execPath, ["--import", "tsx", "scripts/line-agent.ts", "--fleet", fleetFile], { stdio: "inherit", env: process.env });
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      agents?.kill(signal);
      server.kill(signal);
    });
  }
  server.on("exit", (code) => {
    agents?.kill("SIGTERM");
    process.exit(code ?? 0);
  });
}

/** The fleet file holds the tokens: readable by this user only, in .data/ like the auth secret. */
function writeFleetFile(fleet: DemoAgent[], port: number): string {
  mkdirSync(".data", { recursive: true });
  const file = path.join(".data", "demo-fleet.json");
  const config = {
    url: `http://127.0.0.1:${port}`,
    stateRoot: path.join(".data", "agents"),
    // An hour of the factory passes in two real minutes; lines break down now and then, make
    // some scrap, run a little below their ideal pace, and lose their network once in a while.
    simulation: { timeScale: 30, tickMs: 500, progressEverySeconds: 120, scrapRate: 0.03, breakdownEveryMinutes: 240, breakdownMinutes: 25, disconnectEverySeconds: 900, disconnectSeconds: 8, performance: 0.9 },
    agents: fleet.map((agent, index) => ({ lineId: agent.lineId, label: agent.code, token: agent.token, simulation: { performance: 0.85 + (index % 3) * 0.05 } })),
  };
  writeFileSync(file, JSON.stringify(config, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}

async function waitForServer(port: number): Promise<boolean> {
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

main().catch((error) => {
  console.error(`\nThe demo could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
