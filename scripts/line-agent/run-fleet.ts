import path from "node:path";
import type { LineQueue } from "../../lib/core/line-protocol";
import { AgentLink, type AgentLinkOptions } from "./agent-link";
import { SimulationSchema, type Fleet } from "./agent-config";
import { LineSimulator } from "./line-simulator";

export type RunningAgent = { label: string; link: AgentLink; simulator: LineSimulator };

/**
 * Runs every agent of a fleet in this process: each its own connection, local log and
 * simulated line. Returns a stop function that closes them all with their logs flushed.
 */
export async function runFleet(fleet: Fleet, options: { log?: (line: string) => void; tls?: AgentLinkOptions["tls"] } = {}) {
  const log = options.log ?? ((line: string) => console.log(line));
  const agents: RunningAgent[] = [];
  for (const agent of fleet.agents) {
    const label = agent.label ?? agent.lineId.slice(0, 8);
    const simulation = SimulationSchema.parse({ ...fleet.simulation, ...agent.simulation });
    const link = await AgentLink.open({
      url: fleet.url,
      lineId: agent.lineId,
      token: agent.token,
      stateDirectory: agent.stateDirectory ?? path.join(fleet.stateRoot, agent.lineId),
      timeScale: simulation.timeScale,
      tls: options.tls,
    });
    link.on("born", (reply: { kind: string; storedSeq: number }) => log(`[${label}] online (${reply.kind}, session ${link.session}, server has seq ${reply.storedSeq}, ${link.unacked().length} to resend)`));
    link.on("connect-failed", (reason: string) => log(`[${label}] cannot connect: ${reason}`));
    link.on("disconnected", (reason: string) => log(`[${label}] offline: ${reason}`));
    link.on("queue", (queue: LineQueue) => log(`[${label}] queue: plan v${queue.planVersion}, ${queue.jobs.length} jobs${nextJob(queue, fleet.url)}`));
    link.on("refused", (event: { seq: number; type: string }, error: { code: string; message: string }) => log(`[${label}] event ${event.seq} (${event.type}) refused: ${error.code} — ${error.message}`));
    link.on("fatal", (error: { code: string; message: string }) => log(`[${label}] stopped: ${error.code} — ${error.message}`));
    const simulator = new LineSimulator(link, simulation);
    link.connect();
    simulator.start();
    agents.push({ label, link, simulator });
  }
  return {
    agents,
    async stop() {
      for (const agent of agents) agent.simulator.stop();
      await Promise.all(agents.map((agent) => agent.link.shutdown()));
    },
  };
}

/** The job the operator makes next, with the link to its picture (the queue's path, on the server this agent talks to). */
function nextJob(queue: LineQueue, serverUrl: string): string {
  const job = queue.jobs[0];
  if (!job) return "";
  const preview = job.previewUrl ? `, preview ${new URL(job.previewUrl, serverUrl)}` : "";
  return `; next ${job.code}${job.product ? ` (${job.product.name})` : ""}${preview}`;
}
