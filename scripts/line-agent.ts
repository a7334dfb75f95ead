/**
 * `npm run agent -- …` — a line agent (protocol v1) for a factory's line gateway, with a line
 * simulator and fault injection for demos and tests.
 *
 *   npm run agent -- --line <lineId> --token-file <file> [--url http://localhost:3000]
 *                    [--state-dir .data/agents/<lineId>] [--time-scale 60] [--scrap-rate 0.02]
 *                    [--breakdown-every-minutes 240 --breakdown-minutes 20]
 *                    [--disconnect-every-seconds 600 --disconnect-seconds 5] [--performance 0.9]
 *                    [--ca ca.pem --cert agent.pem --key agent-key.pem]
 *   npm run agent -- --fleet fleet.json          (several agents in this one process)
 *
 * The token comes from --token-file or LINE_AGENT_TOKEN (never the command line, which other
 * users of the machine can read).
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { FleetSchema, SimulationSchema, type Fleet } from "./line-agent/agent-config";
import { runFleet } from "./line-agent/run-fleet";

const ArgsSchema = SimulationSchema.extend({
  url: z.string().url().default("http://localhost:3000"),
  line: z.string().min(1).max(64).optional(),
  tokenFile: z.string().min(1).optional(),
  stateDir: z.string().min(1).optional(),
  fleet: z.string().min(1).optional(),
  ca: z.string().optional(),
  cert: z.string().optional(),
  key: z.string().optional(),
}).refine((args) => (args.fleet ? !args.line : !!args.line), { message: "give either --fleet <file> or --line <id>" });

function parseArgs(argv: string[]) {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) throw new Error(`Unexpected argument "${arg}" (see the usage at the top of scripts/line-agent.ts).`);
    const [key, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
    raw[key.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())] = inline ?? argv[++i] ?? "";
  }
  const parsed = ArgsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => `--${issue.path.join(".") || "args"}: ${issue.message}`).join("\n"));
  return parsed.data;
}

function fleetFrom(args: ReturnType<typeof parseArgs>): Fleet {
  if (args.fleet) return FleetSchema.parse(JSON.parse(readFileSync(args.fleet, "utf8")));
  const token = (args.tokenFile ? readFileSync(args.tokenFile, "utf8") : (process.env.LINE_AGENT_TOKEN ?? "")).trim();
  if (!token) throw new Error("No token: pass --token-file <file> or set LINE_AGENT_TOKEN.");
  const { url, line, stateDir, ...rest } = args;
  const simulation = SimulationSchema.parse(Object.fromEntries(Object.entries(rest).filter(([key]) => key in SimulationSchema.shape)));
  return FleetSchema.parse({ url, simulation, agents: [{ lineId: line!, token, ...(stateDir ? { stateDirectory: stateDir } : {}) }] });
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const fleet = fleetFrom(args);
  const pem = (file?: string) => (file ? readFileSync(file, "utf8") : undefined);
  const tls = args.ca || args.cert ? { ca: pem(args.ca), cert: pem(args.cert), key: pem(args.key) } : undefined;
  const running = await runFleet(fleet, { tls });
  console.log(`line agent: ${running.agents.length} agent(s) → ${fleet.url}/agent`);
  // A summary now and then — and a timer that keeps the process alive while every connection is down.
  const summary = setInterval(() => {
    const online = running.agents.filter((agent) => agent.link.connected).length;
    const unacked = running.agents.reduce((total, agent) => total + agent.link.unacked().length, 0);
    console.log(`line agent: ${online}/${running.agents.length} online, ${unacked} event(s) waiting for an ack`);
  }, 60_000);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    clearInterval(summary);
    console.log(`line agent: ${signal}, flushing local logs`);
    await running.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  // A fleet whose every agent was refused for good has nothing left to do.
  const fatal = new Set<string>();
  for (const agent of running.agents) {
    agent.link.on("fatal", () => {
      fatal.add(agent.label);
      if (fatal.size === running.agents.length) void running.stop().then(() => process.exit(2));
    });
  }
}

main().catch((error) => {
  console.error(`line agent: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
