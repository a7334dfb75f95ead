import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

/**
 * The production server (`npm start`: server.ts with NODE_ENV=production) as a real child process
 * on its own port and database, its output kept for inspection (secrets must never be in it).
 * APP_DIR runs a build made elsewhere (a checkout where others keep rebuilding .next would
 * otherwise change under the test); by default the repository itself. Needs `npm run build`.
 */
export const APP_DIR = path.resolve(process.env.APP_DIR ?? process.cwd());

export type AppProcess = {
  url: string;
  port: number;
  pid: number;
  child: ChildProcess;
  output(): string;
  /** SIGTERM and wait (graceful shutdown); SIGKILL if it takes over 20 s. */
  stop(): Promise<void>;
  /** SIGKILL: the process dies mid-whatever, as on a power cut or an OOM kill. */
  kill9(): Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export async function startApp(options: { databaseUrl: string; port?: number; env?: Record<string, string>; healthTimeoutMs?: number }): Promise<AppProcess> {
  if (!existsSync(path.join(APP_DIR, ".next", "BUILD_ID"))) throw new Error(`No production build in ${APP_DIR}: run \`npm run build\` first.`);
  const port = options.port ?? (await freePort());
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: APP_DIR,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: options.databaseUrl,
      AUTH_SECRET: process.env.AUTH_SECRET ?? "security-secret-0123456789abcdef0123456789",
      LOG_LEVEL: "info",
      NEXT_TELEMETRY_DISABLED: "1",
      ...options.env,
    },
  });
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.healthTimeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited (${child.exitCode ?? child.signalCode}):\n${output.slice(-3_000)}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the server did not become healthy in time:\n${output.slice(-3_000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return {
    url,
    port,
    pid: child.pid!,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      // A shutdown that hangs must not outlive the test run as an orphan holding its port.
      const patience = setTimeout(() => child.kill("SIGKILL"), 20_000);
      await exited;
      clearTimeout(patience);
    },
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}

/** The resident set size of a process, in MiB (from /proc). */
export function rssMiB(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}
