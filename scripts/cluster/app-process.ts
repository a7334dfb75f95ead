import { spawn, type ChildProcess } from "node:child_process";

export type AppProcess = {
  index: number;
  port: number;
  url: string;
  pid: number;
  child: ChildProcess;
  /** Resolves with the exit code (or signal) when the process ends. */
  exited: Promise<number | string>;
  /** SIGTERM (graceful: requests finish, sockets close so clients move on) and wait. */
  stop(): Promise<void>;
  /** SIGKILL: the crash case — nothing is flushed, nothing is closed. */
  kill(): Promise<void>;
};

/**
 * One app process on its own port (`node --import tsx <entry>`, one pid), healthy when
 * GET /api/health answers 200. `env` is added to this process's environment.
 */
export async function startAppProcess(options: { index: number; port: number; entry: string; env?: Record<string, string>; output?: "inherit" | "ignore"; healthTimeoutMs?: number }): Promise<AppProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", options.entry], {
    stdio: ["ignore", options.output ?? "inherit", "inherit"],
    env: { ...process.env, PORT: String(options.port), HOST: "127.0.0.1", ...options.env },
  });
  const exited = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")));
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + (options.healthTimeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`app process ${options.index} exited during start-up (${child.exitCode ?? child.signalCode})`);
    try {
      if ((await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) })).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`app process ${options.index} did not become healthy on :${options.port}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const ended = () => child.exitCode !== null || child.signalCode !== null;
  return {
    index: options.index,
    port: options.port,
    url,
    pid: child.pid!,
    child,
    exited,
    async stop() {
      if (!ended()) child.kill("SIGTERM");
      await exited;
    },
    async kill() {
      if (!ended()) child.kill("SIGKILL");
      await exited;
    },
  };
}
