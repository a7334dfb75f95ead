/**
 * Several app processes behind one address, on one PostgreSQL and one Redis:
 *
 *   DATABASE_URL=postgres://… REDIS_URL=redis://127.0.0.1:6379 AUTH_SECRET=… \
 *     npm run cluster -- --processes 2 [--port 3000] [--app-port 3001] [--entry server.ts] [--dev]
 *
 * starts N app processes on ports app-port, app-port+1, … and a small sticky load balancer on
 * --port (scripts/cluster/sticky-proxy.ts). A process that dies is started again after a second;
 * Ctrl-C stops them all gracefully. For production, put nginx or HAProxy in front instead
 * (docs/decisions/0010-multi-process.md has an nginx configuration).
 */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { startAppProcess, type AppProcess } from "./cluster/app-process";
import { startStickyProxy } from "./cluster/sticky-proxy";

const { values } = parseArgs({
  options: {
    processes: { type: "string", default: "2" },
    port: { type: "string", default: "3000" },
    "app-port": { type: "string" },
    entry: { type: "string", default: "server.ts" },
    dev: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});

function fail(message: string): never {
  console.error(`cluster: ${message}`);
  process.exit(2);
}

async function main() {
  if (values.help) {
    console.log("npm run cluster -- --processes N [--port 3000] [--app-port 3001] [--entry server.ts] [--dev]   (needs DATABASE_URL=postgres://… and REDIS_URL)");
    return;
  }
  const count = Number(values.processes);
  const port = Number(values.port);
  const firstAppPort = Number(values["app-port"] ?? port + 1);
  if (!Number.isInteger(count) || count < 1 || count > 16) fail("--processes: 1 to 16");
  if (!/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "")) fail("set DATABASE_URL=postgres://… — the embedded PGlite database allows one process only.");
  if (!process.env.REDIS_URL) fail("set REDIS_URL=redis://… — processes fan live events out to each other through Redis.");
  const production = !values.dev;
  if (production && values.entry === "server.ts" && !existsSync(".next/BUILD_ID")) fail("no production build: run `npm run build` first (or pass --dev).");
  if (production && !process.env.AUTH_SECRET) fail("set AUTH_SECRET (the same for every process): openssl rand -base64 32");

  const env = { NODE_ENV: production ? "production" : "development", TRUST_PROXY: "1" };
  const processes: Array<AppProcess | null> = Array.from({ length: count }, () => null);
  let stopping = false;

  const start = async (index: number): Promise<void> => {
    const app = await startAppProcess({ index, port: firstAppPort + index, entry: values.entry, env });
    processes[index] = app;
    console.log(`cluster: process ${index} (pid ${app.pid}) ready on ${app.url}`);
    void app.exited.then((code) => {
      processes[index] = null;
      if (stopping) return;
      console.error(`cluster: process ${index} exited (${code}); starting it again in 1 s`);
      setTimeout(() => void start(index).catch((error: Error) => console.error(`cluster: ${error.message}`)), 1_000);
    });
  };
  await Promise.all(processes.map((_, index) => start(index)));

  const proxy = await startStickyProxy({
    port,
    host: process.env.HOST ?? "127.0.0.1",
    upstreams: processes.map((_, index) => ({ host: "127.0.0.1", port: firstAppPort + index })),
    onChange: (message) => console.log(`cluster: ${message}`),
  });
  console.log(`cluster: ${count} processes behind ${proxy.url} (sticky sessions)`);

  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log("cluster: stopping");
    await proxy.close();
    await Promise.all(processes.map((app) => app?.stop()));
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());
}

main().catch((error: Error) => fail(error.message));
