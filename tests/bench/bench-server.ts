import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";

/** Starts the production server on its own database for a benchmark; resolves when healthy. */
export async function startBenchServer(options: { port: number; databaseUrl: string; authSecret: string; env?: Record<string, string> }) {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first.");
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs(), "--import", "tsx", "server.ts"], {
    // BENCH_SERVER_LOG=1 shows the server's log (warnings and errors) while a benchmark runs.
    stdio: ["ignore", process.env.BENCH_SERVER_LOG === "1" ? "inherit" : "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", PORT: String(options.port), DATABASE_URL: options.databaseUrl, AUTH_SECRET: options.authSecret, LOG_LEVEL: "warn", ...options.env },
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

/** BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server (NODE_OPTIONS refuses those flags). */
function nodeArgs(): string[] {
  return (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
