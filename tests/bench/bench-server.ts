import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

/** Starts the production server on its own database for a benchmark; resolves when healthy. */
export async function startBenchServer(options: { port: number; databaseUrl: string; authSecret: string; env?: Record<string, string> }) {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first.");
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    // BENCH_SERVER_LOG=1 shows the server's log (warnings and errors) while a benchmark runs.
    stdio: ["ignore", process.env.BENCH_SERVER_LOG === "1" ? "inherit" : "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", PORT: String(options.port), DATABASE_URL: options.databaseUrl, AUTH_SECRET: options.authSecret, LOG_LEVEL: "warn", ...cpuProfileEnv(), ...options.env },
  });
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("the server did not become healthy in 120 s");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    url,
    pid: child.pid!,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}

/**
 * BENCH_CPU_PROF=DIR: the environment that makes a benchmarked server process write a V8 CPU
 * profile to DIR (tests/bench/cpu-profile-hook.mjs; Node refuses --cpu-prof in NODE_OPTIONS).
 */
export function cpuProfileEnv(): Record<string, string> {
  const dir = process.env.BENCH_CPU_PROF;
  if (!dir) return {};
  return { CPU_PROFILE_DIR: dir, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${path.resolve("tests/bench/cpu-profile-hook.mjs")}`.trim() };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
