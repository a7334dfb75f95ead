/**
 * Line-agent throughput: N agents (default 100) connected to one server process, each sending
 * events (job started, progress, completed, status) through the real protocol client with its
 * fsynced store-and-forward log, and one planner's board watching over /live. Prints:
 *   agent events/s=… ack_p95_ms=… line_to_board_p95_ms=… rss_mb=…
 * Targets: ≥ 2,000 events/s persisted on PostgreSQL with ack p95 < 100 ms; aim 10,000/s and
 * line-to-board p95 < 50 ms.
 *
 *   npm run bench:agents                                   (embedded PGlite in a temp folder)
 *   BENCH_DATABASE_URL=postgres://…/postgres npm run bench:agents   (a fresh database on that server)
 *   BENCH_AGENTS=100 BENCH_RATE=100 BENCH_SECONDS=20       (agents, events/s per agent, measured duration)
 *   BENCH_WARMUP_SECONDS=2  (sent before the measured seconds: stored and checked like the rest,
 *                            but not in the latency percentiles — a fresh server's cold code)
 *   BENCH_CPU_PROF=DIR      (a V8 CPU profile of the server process while agents send, not the set-up)
 *
 * The server runs in a child process (the "one process" measured for RSS); agents and the board
 * run here. Agent logs live in /dev/shm when it exists: the agents' disk is not what is measured.
 */
import { fork, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { AddressInfo } from "node:net";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { io as connect } from "socket.io-client";
import { AgentLink, type NewEvent } from "../../scripts/line-agent/agent-link";
import { createBenchFactory, dropPostgresDatabase, freshPostgresDatabase, jobsPerLineFor, lineEvents } from "./support/bench-factory";

const AGENTS = Number(process.env.BENCH_AGENTS ?? 100);
const RATE = Number(process.env.BENCH_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
/** Sent first and persisted like the rest, but out of the latency figures: a fresh process's cold code and first connections. */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const TICK_MS = 10;
const AUTH_SECRET = "bench-secret-not-for-production-0123456789";

type Setup = { url: string; cookie: string; manufacturerId: string; agents: Array<{ lineId: string; token: string; jobIds: string[] }> };

if (process.argv.includes("--serve")) void serve();
else void main();

// ───────────────────────────── the server process ─────────────────────────────

async function serve() {
  const { createAdapterFactory } = await import("../../lib/server/db/adapter-factory");
  const { resolveDatabaseTarget } = await import("../../lib/server/db/database-target");
  const { applyMigrations } = await import("../../lib/server/db/migrations");
  const { db } = await import("../../lib/server/db");
  const { createSocketServer } = await import("../../lib/server/realtime/create-socket-server");
  const { sessionCookieFor } = await import("../support/session-cookie");

  const handle = await createAdapterFactory(resolveDatabaseTarget());
  await applyMigrations(handle.factory);
  // PGlite allows one instance per folder: the migration's must be closed before the app's opens.
  await handle.close();

  progress("migrated");
  const { manufacturerId, planner, agents } = await createBenchFactory({ lines: AGENTS, jobsPerLine: jobsPerLineFor(RATE, WARMUP_SECONDS + SECONDS), onProgress: progress });

  const httpServer = createServer((_request, response) => {
    response.statusCode = 404;
    response.end();
  });
  createSocketServer(httpServer);
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  let maxRss = 0;
  setInterval(() => (maxRss = Math.max(maxRss, process.memoryUsage().rss)), 250).unref();
  let cpuAtStart = process.cpuUsage();
  let measuredFrom = performance.now();
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  const profiler = process.env.BENCH_CPU_PROF ? await import("node:inspector").then(({ Session }) => new Session()) : null;
  process.on("message", async (message: { type: string }) => {
    if (message.type === "stop") process.exit(0);
    if (message.type === "measure") {
      cpuAtStart = process.cpuUsage();
      measuredFrom = performance.now();
      loopDelay.enable();
      if (profiler) {
        profiler.connect();
        profiler.post("Profiler.enable");
        profiler.post("Profiler.setSamplingInterval", { interval: 1_000 });
        profiler.post("Profiler.start");
      }
    }
    if (message.type === "report") {
      const cpu = process.cpuUsage(cpuAtStart);
      const cores = (cpu.user + cpu.system) / 1_000 / (performance.now() - measuredFrom);
      profiler?.post("Profiler.stop", (error, result) => {
        if (error) return;
        mkdirSync(process.env.BENCH_CPU_PROF!, { recursive: true });
        writeFileSync(path.join(process.env.BENCH_CPU_PROF!, `agents-server-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
      });
      const stored = await db.lineEvent.count({ where: { line: { manufacturerId } } });
      process.send!({ type: "report", maxRss: Math.max(maxRss, process.memoryUsage().rss), stored, cores, loopDelayP95: loopDelay.percentile(95) / 1e6 });
    }
  });
  process.send!({ type: "ready", setup: { url, cookie: await sessionCookieFor(planner), manufacturerId, agents } satisfies Setup });
}

/** Set-up progress on stderr (BENCH_VERBOSE=1), so a slow set-up is not mistaken for a hang. */
function progress(message: string): void {
  if (process.env.BENCH_VERBOSE === "1") console.error(`bench: ${message}`);
}

// ───────────────────────────── agents and the board ─────────────────────────────

async function main() {
  const postgres = process.env.BENCH_DATABASE_URL;
  const dataDir = mkdtempSync(path.join(tmpdir(), "tailorline-bench-db-"));
  let databaseUrl = `pglite:${dataDir}`;
  if (postgres) databaseUrl = await freshPostgresDatabase(postgres, "tailorline_bench");
  const stateRoot = mkdtempSync(path.join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "tailorline-bench-agents-"));
  const child = fork(fileURLToPath(import.meta.url), ["--serve"], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET, NODE_ENV: "production", LOG_LEVEL: "warn", AGENT_MAX_MESSAGES_PER_SECOND: String(RATE * 4), DATABASE_POOL_SIZE: "10" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const cleanup = async () => {
    child.send({ type: "stop" });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    child.kill("SIGKILL");
    rmSync(stateRoot, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
    if (postgres) await dropPostgresDatabase(postgres, databaseUrl);
  };
  try {
    const setup = await nextMessage<{ setup: Setup }>(child, "ready", 600_000).then((message) => message.setup);
    const result = await run(setup, stateRoot, () => child.send({ type: "measure" }));
    const report = await (async () => {
      child.send({ type: "report" });
      return nextMessage<{ maxRss: number; stored: number; cores: number; loopDelayP95: number }>(child, "report", 30_000);
    })();
    const database = postgres ? "PostgreSQL" : "PGlite";
    console.log(`# ${database}: ${AGENTS} agents × ${RATE} events/s offered for ${WARMUP_SECONDS} + ${SECONDS} s; acked ${result.acked} (${result.duplicates} duplicates), stored ${report.stored}, refused ${result.refused}`);
    console.log(`# with the warm-up seconds: ack_p95_ms=${result.wholeAckP95.toFixed(1)} line_to_board_p95_ms=${result.wholeBoardP95.toFixed(1)}`);
    // Where the 2 cores went while agents sent: the server process, and this one (agents + board).
    console.log(`# cpu while sending: server ${report.cores.toFixed(2)} cores (event loop delay p95 ${report.loopDelayP95.toFixed(1)} ms), agents+board ${result.cores.toFixed(2)} cores (event loop delay p95 ${result.loopDelayP95.toFixed(1)} ms); load average ${loadavg().map((load) => load.toFixed(2)).join(" ")}`);
    console.log(
      `agent events/s=${Math.round(result.eventsPerSecond)} ack_p95_ms=${result.ackP95.toFixed(1)} line_to_board_p95_ms=${result.boardP95.toFixed(1)} rss_mb=${Math.round(report.maxRss / 1_048_576)}`,
    );
  } finally {
    await cleanup();
  }
  process.exit(0);
}

async function run(setup: Setup, stateRoot: string, onMeasureStart: () => void) {
  const board = connect(`${setup.url}/live`, { transports: ["websocket"], extraHeaders: { cookie: setup.cookie } });
  await new Promise<void>((resolve, reject) => {
    board.once("connect", () => resolve());
    board.once("connect_error", reject);
  });
  const joined = await board.emitWithAck("join", { room: `manufacturer:${setup.manufacturerId}` });
  if (!joined.ok) throw new Error("the board could not join its room");

  const sentAt = new Map<string, Map<number, number>>();
  const boardSeen = new Map<string, number>();
  const ackLatencies: number[] = [];
  const bySecond: number[][] = [];
  const boardLatencies: number[] = [];
  // Latencies of events sent during the warm-up, reported apart.
  const warmAckLatencies: number[] = [];
  const warmBoardLatencies: number[] = [];
  const inWarmup = (sentAt: number) => sentAt - firstSent < WARMUP_SECONDS * 1000;
  let acked = 0;
  let duplicates = 0;
  let refused = 0;
  const refusals = new Map<string, number>();
  let firstSent = 0;
  let lastAck = 0;

  board.on("line.updated", (payload: { lineId: string; lastSeq?: number }) => {
    if (payload.lastSeq === undefined) return;
    const sent = sentAt.get(payload.lineId);
    const now = performance.now();
    // Every event up to the seq the board now shows has reached it.
    for (let seq = (boardSeen.get(payload.lineId) ?? 0) + 1; seq <= payload.lastSeq; seq++) {
      const at = sent?.get(seq);
      if (at !== undefined) (inWarmup(at) ? warmBoardLatencies : boardLatencies).push(now - at);
    }
    boardSeen.set(payload.lineId, Math.max(boardSeen.get(payload.lineId) ?? 0, payload.lastSeq));
  });

  const links: AgentLink[] = [];
  for (const agent of setup.agents) {
    const link = await AgentLink.open({ url: setup.url, lineId: agent.lineId, token: agent.token, stateDirectory: path.join(stateRoot, agent.lineId), window: 512 });
    const sent = new Map<number, number>();
    sentAt.set(agent.lineId, sent);
    link.on("sent", (seq: number) => {
      const now = performance.now();
      if (!sent.has(seq)) sent.set(seq, now);
      if (firstSent === 0) firstSent = now;
    });
    link.on("acked", (seq: number, duplicate: boolean) => {
      const now = performance.now();
      acked++;
      if (duplicate) duplicates++;
      lastAck = now;
      const at = sent.get(seq);
      if (at !== undefined) (inWarmup(at) ? warmAckLatencies : ackLatencies).push(now - at);
      if (at !== undefined) (bySecond[Math.floor((at - firstSent) / 1000)] ??= []).push(now - at);
    });
    link.on("disconnected", (reason: string) => progress(`${agent.lineId.slice(-6)} disconnected: ${reason}`));
    link.on("connect-failed", (reason: string) => progress(`${agent.lineId.slice(-6)} cannot connect: ${reason}`));
    link.on("refused", (event: { type: string }, error: { code: string; message: string }) => {
      refused++;
      refusals.set(`${error.code} (${event.type})`, (refusals.get(`${error.code} (${event.type})`) ?? 0) + 1);
    });
    links.push(link);
  }
  progress(`${links.length} agents connecting`);
  // A line runs the jobs of its queue: an agent starts once it has its queue (the server pushes
  // it right after birth), as a real one would.
  let ready = 0;
  await Promise.all(links.map((link) => new Promise<void>((resolve) => {
    link.once("queue", () => {
      if (++ready % 25 === 0) progress(`${ready} agents born with their queue`);
      resolve();
    });
    link.connect();
  })));

  progress("all agents born; sending");
  onMeasureStart();
  // How late this process's own event loop runs (it receives the acks it times).
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  const cpuAtStart = process.cpuUsage();
  const measuredFrom = performance.now();
  // Each line runs its jobs: started, PROGRESS_PER_JOB progress reports, completed.
  const generators = setup.agents.map((agent) => lineEvents(agent.jobIds, { scrap: true }));
  // Events owed are counted from the clock, so a slow tick sends more next time: the offered
  // rate holds whatever the producer's own pace. Each line starts at its own phase: lines run
  // independently, so their events do not all fall due in the same tick (in lockstep, every
  // 1/RATE s the whole fleet would send at once — a burst no real factory produces).
  const owed = links.map((_link, index) => index / links.length);
  const started = performance.now();
  let last = started;
  while (performance.now() - started < (WARMUP_SECONDS + SECONDS) * 1000) {
    const tickStart = performance.now();
    const due = (RATE * (tickStart - last)) / 1000;
    last = tickStart;
    const counts = owed.map((value, index) => {
      const count = Math.floor(value + due);
      owed[index] = value + due - count;
      return count;
    });
    await Promise.all(links.flatMap((link, index) => (counts[index]! > 0 ? [link.publish(Array.from({ length: counts[index]! }, () => generators[index]!.next().value as NewEvent))] : [])));
    const elapsed = performance.now() - tickStart;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, TICK_MS - elapsed)));
  }
  // Let every event be acked (the figures count what was persisted, not what was offered).
  const deadline = performance.now() + 30_000;
  while (links.some((link) => link.unacked().length > 0) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  await new Promise((resolve) => setTimeout(resolve, 500)); // the last board updates
  const cpu = process.cpuUsage(cpuAtStart);
  const cores = (cpu.user + cpu.system) / 1_000 / (performance.now() - measuredFrom);
  loopDelay.disable();
  for (const link of links) await link.shutdown();
  board.disconnect();
  const stored = acked - duplicates;
  if (refusals.size > 0) console.error(`bench: refusals ${JSON.stringify(Object.fromEntries(refusals))}`);
  progress(`ack p95 by second sent (ms): ${Array.from(bySecond, (values) => percentile(values ?? [], 95).toFixed(0)).join(" ")}`);
  return { acked, duplicates, refused, cores, loopDelayP95: loopDelay.percentile(95) / 1e6, eventsPerSecond: stored / ((lastAck - firstSent) / 1000), ackP95: percentile(ackLatencies, 95), boardP95: percentile(boardLatencies, 95),
    wholeAckP95: percentile([...warmAckLatencies, ...ackLatencies], 95), wholeBoardP95: percentile([...warmBoardLatencies, ...boardLatencies], 95) };
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function nextMessage<T>(child: ChildProcess, type: string, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not send "${type}" within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message: { type: string } & T) => {
      if (message.type !== type) return;
      clearTimeout(timer);
      child.off("message", onMessage);
      resolve(message);
    };
    child.on("message", onMessage);
    child.once("exit", (code) => reject(new Error(`the server exited (${code})`)));
  });
}

