/**
 * Realtime across app processes: N app processes (started by the cluster launcher, on one
 * PostgreSQL and one Redis), 100 line agents sending events through the real protocol client, and
 * 500 browser sockets on `/live` — 50 planners' boards (the manufacturer's room: every line) and
 * 450 line pages (4–5 per line room) — spread round-robin over the processes. Every outbox event
 * the run commits must reach every socket in its rooms. Prints, per process count:
 *   events delivered/s=… fanout_p95_ms=… lost=…
 * delivered = receptions by sockets per second; fanout = from the event's commit-side timestamp
 * (the outbox row's createdAt) to its arrival at a socket; lost = expected receptions (from the
 * outbox rows and each socket's rooms) that never arrived. Targets: lost 0, fanout p95 < 150 ms
 * (aim < 50 ms).
 *
 *   BENCH_DATABASE_URL=postgres://…/postgres REDIS_URL=redis://127.0.0.1:6390 npm run bench:cluster
 *   BENCH_PROCESSES=1,2 BENCH_AGENTS=100 BENCH_BROWSERS=500 BENCH_RATE=2 BENCH_SECONDS=20 BENCH_VIA_PROXY=0
 *   BENCH_PORT=3400 (the proxy; app processes on the next ports) BENCH_CPU_PROF=DIR (V8 profiles of the app processes)
 *
 * Agents and browsers run in this process; their event logs live in /dev/shm when it exists.
 * Each run also prints where the CPU went over the measured window (cores busy: the app
 * processes, this process, Redis, this PostgreSQL server, and the whole machine — on a shared
 * machine the difference is other work), the load average and this process's event-loop delay
 * (its lag is part of every latency it measures).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { io as connect, type Socket } from "socket.io-client";
import { AgentLink, type NewEvent } from "../../scripts/line-agent/agent-link";
import { createBenchFactory, dropPostgresDatabase, freshPostgresDatabase, jobsPerLineFor, lineEvents } from "./support/bench-factory";
import { cpuProfileEnv, percentile } from "./bench-server";

const PROCESS_COUNTS = (process.env.BENCH_PROCESSES ?? "1,2").split(",").map(Number);
const AGENTS = Number(process.env.BENCH_AGENTS ?? 100);
const BROWSERS = Number(process.env.BENCH_BROWSERS ?? 500);
const BOARDS = Math.round(BROWSERS / 10);
const RATE = Number(process.env.BENCH_RATE ?? 2);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const VIA_PROXY = process.env.BENCH_VIA_PROXY === "1";
const AUTH_SECRET = "bench-secret-not-for-production-0123456789";
const BASE_PORT = Number(process.env.BENCH_PORT ?? 3400);

type Setup = { manufacturerId: string; cookie: string; agents: Array<{ lineId: string; token: string; jobIds: string[] }> };

async function main() {
  const adminUrl = process.env.BENCH_DATABASE_URL;
  const redisUrl = process.env.REDIS_URL;
  if (!adminUrl?.startsWith("postgres") || !redisUrl) {
    console.error("bench:cluster did NOT run: set BENCH_DATABASE_URL=postgres://… (a user that may create databases) and REDIS_URL=redis://…");
    process.exit(2);
  }
  const lines: string[] = [];
  for (const processes of PROCESS_COUNTS) {
    const result = await runOnce(processes, adminUrl, redisUrl);
    const line = `events delivered/s=${Math.round(result.deliveredPerSecond)} fanout_p95_ms=${result.fanoutP95.toFixed(1)} lost=${result.lost}`;
    console.log(`# ${processes} process${processes > 1 ? "es" : ""}: ${AGENTS} agents × ${RATE} events/s for ${SECONDS} s, ${BROWSERS} browser sockets (${BOARDS} boards); ${result.agentEvents} agent events (${result.storedEvents} stored, ${result.refused} refused), ${result.outboxEvents} outbox events, ${result.delivered} receptions (${result.duplicates} duplicates, ${result.disconnected} browsers disconnected), fanout p50 ${result.fanoutP50.toFixed(1)} ms, agent→browser p95 ${result.agentToBrowserP95.toFixed(1)} ms, ack p95 ${result.ackP95.toFixed(1)} ms${VIA_PROXY ? ", through the proxy" : ""}`);
    const cpu = Object.entries(result.cpuShare).map(([name, share]) => `${name} ${share.toFixed(2)}`).join(", ");
    console.log(`# CPU (cores busy) ${cpu} of ${cpus().length}; load average ${result.load.map((value) => value.toFixed(2)).join(" → ")}; client event-loop delay p95 ${result.clientLagP95.toFixed(1)} ms`);
    console.log(line);
    lines.push(`${processes}: ${line}`);
  }
  if (lines.length > 1) console.log(`# scaling on ${cpus().length} cores, everything on one machine:\n#   ${lines.join("\n#   ")}`);
  process.exit(0);
}

async function runOnce(processes: number, adminUrl: string, redisUrl: string) {
  const databaseUrl = await freshPostgresDatabase(adminUrl, "tailorline_bench_cluster");
  process.env.DATABASE_URL = databaseUrl;
  const setup = await prepare();
  const prefix = `bench-${randomBytes(4).toString("hex")}`;
  const launcher = spawn(process.execPath, ["--import", "tsx", "scripts/cluster.ts", "--processes", String(processes), "--port", String(BASE_PORT), "--app-port", String(BASE_PORT + 1), "--entry", "tests/cluster/support/api-process.ts"], {
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...process.env, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix, AUTH_SECRET, LOG_LEVEL: "warn", NODE_ENV: "production",
      AGENT_MAX_MESSAGES_PER_SECOND: String(Math.max(500, RATE * 4)), DATABASE_POOL_SIZE: "10",
      // BENCH_CPU_PROF=DIR: a V8 CPU profile of each app process (and the launcher) in DIR.
      ...cpuProfileEnv(),
    },
  });
  // "cluster: process 0 (pid 1234) ready on …": the app processes' pids, for their CPU time.
  const appPids: number[] = [];
  launcher.stdout!.setEncoding("utf8").on("data", (text: string) => {
    for (const match of text.matchAll(/process \d+ \(pid (\d+)\) ready/g)) appPids.push(Number(match[1]));
  });
  const stateRoot = mkdtempSync(path.join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "tailorline-bench-cluster-"));
  try {
    await waitHealthy(`http://127.0.0.1:${BASE_PORT}`, launcher);
    const urls = VIA_PROXY ? [`http://127.0.0.1:${BASE_PORT}`] : Array.from({ length: processes }, (_, index) => `http://127.0.0.1:${BASE_PORT + 1 + index}`);
    for (const url of urls) await waitHealthy(url, launcher);
    return await measure(setup, urls, stateRoot, { appPids, redisUrl });
  } finally {
    launcher.kill("SIGTERM");
    await new Promise((resolve) => launcher.once("exit", resolve));
    rmSync(stateRoot, { recursive: true, force: true });
    const { disconnectDatabase } = await import("../../lib/server/db");
    await disconnectDatabase();
    await dropPostgresDatabase(adminUrl, databaseUrl);
    const { createClient } = await import("redis");
    const redis = createClient({ url: redisUrl });
    await redis.connect();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(keys);
    await redis.close();
  }
}

/** A manufacturer, a planner, AGENTS lines each with a credential and a published queue. */
async function prepare(): Promise<Setup> {
  const { createAdapterFactory } = await import("../../lib/server/db/adapter-factory");
  const { resolveDatabaseTarget } = await import("../../lib/server/db/database-target");
  const { applyMigrations } = await import("../../lib/server/db/migrations");
  const handle = await createAdapterFactory(resolveDatabaseTarget());
  await applyMigrations(handle.factory);
  await handle.close();
  const { sessionCookieFor } = await import("../support/session-cookie");
  process.env.AUTH_SECRET = AUTH_SECRET;

  const { manufacturerId, planner, agents } = await createBenchFactory({ lines: AGENTS, jobsPerLine: jobsPerLineFor(RATE, SECONDS) });
  return { manufacturerId, cookie: await sessionCookieFor(planner), agents };
}

async function measure(setup: Setup, urls: string[], stateRoot: string, where: { appPids: number[]; redisUrl: string }) {
  const { db } = await import("../../lib/server/db");
  const { createClient } = await import("redis");
  const redis = createClient({ url: where.redisUrl });
  await redis.connect();
  // Browsers: each remembers its rooms and every event id it receives.
  const browsers: Array<{ socket: Socket; rooms: string[]; received: Set<string> }> = [];
  const fanout: number[] = [];
  const agentToBrowser: number[] = [];
  const sentAt = new Map<string, Map<number, number>>();
  let deliveries = 0;
  let duplicates = 0;
  let lastReceipt = 0;
  for (let i = 0; i < BROWSERS; i++) {
    const rooms = i < BOARDS ? [`manufacturer:${setup.manufacturerId}`] : [`line:${setup.agents[(i - BOARDS) % setup.agents.length]!.lineId}`];
    const socket = connect(`${urls[i % urls.length]}/live`, { transports: ["websocket"], extraHeaders: { cookie: setup.cookie }, forceNew: true, reconnection: false });
    const browser = { socket, rooms, received: new Set<string>() };
    socket.onAny((_event: string, payload: { eventId?: string; at?: string; lineId?: string; lastSeq?: number }) => {
      if (!payload?.eventId) return;
      const now = Date.now();
      deliveries++;
      lastReceipt = now;
      if (browser.received.has(payload.eventId)) duplicates++;
      browser.received.add(payload.eventId);
      if (payload.at) fanout.push(now - Date.parse(payload.at));
      if (payload.lineId && payload.lastSeq !== undefined) {
        const sent = sentAt.get(payload.lineId)?.get(payload.lastSeq);
        if (sent !== undefined) agentToBrowser.push(now - sent);
      }
    });
    browsers.push(browser);
  }
  await Promise.all(browsers.map((browser) => new Promise<void>((resolve, reject) => {
    browser.socket.once("connect", () => resolve());
    browser.socket.once("connect_error", reject);
  })));
  for (const browser of browsers) {
    for (const room of browser.rooms) {
      const reply = await browser.socket.emitWithAck("join", { room });
      if (!reply?.ok) throw new Error(`a browser could not join ${room}`);
    }
  }

  const links: AgentLink[] = [];
  let refused = 0;
  const ackLatencies: number[] = [];
  for (const [index, agent] of setup.agents.entries()) {
    const link = await AgentLink.open({ url: urls[index % urls.length]!, lineId: agent.lineId, token: agent.token, stateDirectory: path.join(stateRoot, agent.lineId), window: 512 });
    const sent = new Map<number, number>();
    sentAt.set(agent.lineId, sent);
    link.on("sent", (seq: number) => {
      if (!sent.has(seq)) sent.set(seq, Date.now());
    });
    link.on("refused", () => refused++);
    link.on("acked", (seq: number) => {
      const at = sent.get(seq);
      if (at !== undefined) ackLatencies.push(Date.now() - at);
    });
    links.push(link);
  }
  await Promise.all(links.map((link) => new Promise<void>((resolve) => {
    link.once("born", () => resolve());
    link.connect();
  })));
  // Births and queue acks are part of the set-up, not of the measured window.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const startId = (await db.outboxEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
  for (const browser of browsers) browser.received.clear();
  fanout.length = 0;
  agentToBrowser.length = 0;
  deliveries = 0;
  duplicates = 0;

  const generators = setup.agents.map((agent) => lineEvents(agent.jobIds, { scrap: false }));
  // How late this process (every agent and browser) ran its callbacks: that lag is in the
  // measured latencies too, and says how starved the clients were.
  const clientLag = monitorEventLoopDelay({ resolution: 10 });
  clientLag.enable();
  const cpuBefore = await cpuSample(where.appPids, redis);
  const loadBefore = loadavg()[0]!;
  // Each agent at RATE events/s, the agents' phases spread over the period (independent lines
  // do not all report in the same millisecond; a synchronized burst would measure queueing
  // behind the burst instead of fan-out).
  const owed = links.map((_link, index) => index / links.length);
  const started = Date.now();
  let last = started;
  while (Date.now() - started < SECONDS * 1000) {
    const tick = Date.now();
    const publishing: Array<Promise<unknown>> = [];
    for (const [index, link] of links.entries()) {
      owed[index]! += (RATE * (tick - last)) / 1000;
      const count = Math.floor(owed[index]!);
      owed[index]! -= count;
      if (count > 0) publishing.push(link.publish(Array.from({ length: count }, () => generators[index]!.next().value as NewEvent)));
    }
    last = tick;
    await Promise.all(publishing);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 20 - (Date.now() - tick))));
  }
  const deadline = Date.now() + 60_000;
  while (links.some((link) => link.unacked().length > 0) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  while ((await db.outboxEvent.count({ where: { id: { gt: startId }, dispatchedAt: null } })) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  await new Promise((resolve) => setTimeout(resolve, 2_000)); // the last deliveries
  clientLag.disable();
  const cpuAfter = await cpuSample(where.appPids, redis);
  const wallSeconds = (Date.now() - started) / 1000;
  const loadAfter = loadavg()[0]!;
  await redis.close();
  // CPU seconds per wall second (1.0 = one core busy) over the measured window, per component.
  const cpuShare = Object.fromEntries(Object.keys(cpuAfter).map((name) => [name, (cpuAfter[name as keyof CpuSample] - cpuBefore[name as keyof CpuSample]) / wallSeconds]));

  // What should have arrived: every outbox row of the run, at every socket in one of its rooms.
  const rows = await db.outboxEvent.findMany({ where: { id: { gt: startId } }, select: { id: true, rooms: true } });
  let lost = 0;
  for (const browser of browsers) {
    for (const row of rows) if (row.rooms.some((room) => browser.rooms.includes(room)) && !browser.received.has(String(row.id))) lost++;
  }
  const agentEvents = links.reduce((sum, link) => sum + link.lastSeq, 0);
  const storedEvents = await db.lineEvent.count();
  const disconnected = browsers.filter((browser) => !browser.socket.connected).length;
  for (const link of links) await link.shutdown();
  for (const browser of browsers) browser.socket.disconnect();
  return {
    delivered: deliveries,
    duplicates,
    deliveredPerSecond: deliveries / ((lastReceipt - started) / 1000),
    fanoutP95: percentile(fanout, 95),
    fanoutP50: percentile(fanout, 50),
    agentToBrowserP95: percentile(agentToBrowser, 95),
    ackP95: percentile(ackLatencies, 95),
    lost,
    outboxEvents: rows.length,
    agentEvents,
    storedEvents,
    refused,
    disconnected,
    cpuShare,
    clientLagP95: clientLag.percentile(95) / 1e6,
    load: [loadBefore, loadAfter],
  };
}

type CpuSample = { apps: number; bench: number; redis: number; postgres: number; machine: number };

/** CPU seconds used so far by the app processes, this process (agents and browsers), Redis, PostgreSQL, and the whole machine. */
async function cpuSample(appPids: number[], redis: { info(section: string): Promise<string> }): Promise<CpuSample> {
  const { db } = await import("../../lib/server/db");
  const ticks = 100; // USER_HZ
  const stat = (pid: number) => {
    try {
      // Fields after "(comm)": state ppid … utime(14) stime(15) cutime(16) cstime(17), 1-based from the pid.
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
      return { ppid: Number(fields[1]), own: (Number(fields[11]) + Number(fields[12])) / ticks, children: (Number(fields[13]) + Number(fields[14])) / ticks };
    } catch {
      return { ppid: -1, own: 0, children: 0 };
    }
  };
  const apps = appPids.reduce((sum, pid) => sum + stat(pid).own, 0);
  const usage = process.cpuUsage();
  const bench = (usage.user + usage.system) / 1e6;
  const info = await redis.info("cpu");
  const redisCpu = Number(/used_cpu_sys:([\d.]+)/.exec(info)?.[1] ?? 0) + Number(/used_cpu_user:([\d.]+)/.exec(info)?.[1] ?? 0);
  // This server's postmaster (the parent of our backend) and its children, live and reaped.
  const backends = await db.$queryRaw<Array<{ pid: number }>>`SELECT pg_backend_pid() AS pid`;
  const postmaster = stat(backends[0]!.pid).ppid;
  let postgres = 0;
  if (postmaster > 0) {
    const main = stat(postmaster);
    postgres = main.own + main.children;
    for (const name of readdirSync("/proc")) if (/^\d+$/.test(name) && stat(Number(name)).ppid === postmaster) postgres += stat(Number(name)).own;
  }
  const [user, nice, system, , , irq, softirq] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number) as number[];
  return { apps, bench, redis: redisCpu, postgres, machine: (user! + nice! + system! + irq! + softirq!) / ticks };
}

async function waitHealthy(url: string, launcher: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (launcher.exitCode !== null) throw new Error(`the cluster launcher exited (${launcher.exitCode})`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not become healthy`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
