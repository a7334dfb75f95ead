import { EventEmitter } from "node:events";
import type { CommandReply, LineCommandMessage, LineEvent, LineQueue } from "@/lib/core/line-protocol";
import type { Interval } from "@/lib/core/promise/working-time";
import type { Random } from "@/lib/core/scheduling/random";
import type { AgentLink, NewEvent } from "@/scripts/line-agent/agent-link";
import { LineSimulator } from "@/scripts/line-agent/line-simulator";

/**
 * One factory line in the simulation: the real line agent's simulator (scripts/line-agent),
 * stepped in simulated time, behind an in-process link instead of a socket. The link stamps
 * events with the simulated clock and numbers them like the agent does; the simulation hands
 * them to the same persistence the socket handler uses, in a fixed order.
 *
 * The queue the simulator sees is the line's published queue with a gate an operator keeps: a
 * job may start once its planned start has come and its parts are in (its release). The line
 * only runs in its production windows (the simulation does not step it outside them).
 */
export class SimulatedLine extends EventEmitter {
  readonly simulator: LineSimulator;
  private published: LineQueue | null = null;
  private lastSeq = 0;
  private buffer: LineEvent[] = [];
  private releases = new Map<string, number>();
  private windowIndex = 0;
  /** A breakdown the line reported and the planner has not reacted to yet (its reason). */
  pendingBreakdown: string | null = null;
  /** Minutes the line ran jobs, and set up for them (planned setups of started jobs). */
  readonly usage = { runMinutes: 0, setupMinutes: 0, availableMinutes: 0, status: "idle" as string };

  constructor(
    readonly lineId: string,
    readonly code: string,
    private readonly windows: Interval[],
    private readonly now: () => number,
    options: { performance: number; scrapRate: number; breakdownEveryMinutes: number; breakdownMinutes: number; random: Random },
  ) {
    super();
    // The simulator wants an AgentLink; it uses only the members this class provides.
    this.simulator = new LineSimulator(this as unknown as AgentLink, {
      timeScale: 1,
      tickMs: 60_000,
      progressEverySeconds: 3_600,
      scrapRate: options.scrapRate,
      breakdownEveryMinutes: options.breakdownEveryMinutes,
      breakdownMinutes: options.breakdownMinutes,
      disconnectEverySeconds: 0,
      disconnectSeconds: 0,
      performance: options.performance,
      random: () => options.random.next(),
    });
  }

  // ── the AgentLink surface the simulator uses ──

  get queue(): LineQueue | null {
    const queue = this.published;
    if (!queue) return null;
    const now = this.now();
    return {
      ...queue,
      jobs: queue.jobs.filter(
        (job) => job.state !== "allowed_to_start" || ((job.plannedStart === null || Date.parse(job.plannedStart) <= now) && (this.releases.get(job.id) ?? 0) <= now),
      ),
    };
  }

  onCommand(_handler: (command: LineCommandMessage) => CommandReply): void {}

  unacked(): readonly LineEvent[] {
    return [];
  }

  async rebirth(): Promise<boolean> {
    return true;
  }

  dropConnection(_ms: number): void {}

  async publish(events: NewEvent[]): Promise<LineEvent[]> {
    const at = new Date(this.now()).toISOString();
    const stamped = events.map((event) => ({ ...event, at: event.at ?? at, seq: ++this.lastSeq }) as LineEvent);
    for (const event of stamped) this.observe(event);
    this.buffer.push(...stamped);
    return stamped;
  }

  // ── driven by the simulation ──

  /** A newly published queue, and the releases of its jobs (parts arrive then). */
  deliverQueue(queue: LineQueue, releases: Map<string, number>): void {
    this.published = queue;
    this.releases = releases;
    this.emit("queue", queue);
  }

  updateReleases(releases: Map<string, number>): void {
    for (const [jobId, release] of releases) this.releases.set(jobId, release);
  }

  /** Advances one simulated minute when the line is in a production window. */
  step(minuteStart: number): void {
    while (this.windowIndex < this.windows.length && this.windows[this.windowIndex]!.end <= minuteStart) this.windowIndex++;
    const window = this.windows[this.windowIndex];
    if (!window || window.start > minuteStart) return;
    this.usage.availableMinutes++;
    this.simulator.tick(60_000);
    if (this.usage.status === "running") this.usage.runMinutes++;
  }

  takeEvents(): LineEvent[] {
    const events = this.buffer;
    this.buffer = [];
    return events;
  }

  private observe(event: LineEvent): void {
    if (event.type === "status") {
      this.usage.status = event.status;
      if (event.status === "down" && event.reason?.startsWith("breakdown")) this.pendingBreakdown = event.reason;
    }
    if (event.type === "job_started") {
      const job = this.published?.jobs.find((candidate) => candidate.id === event.jobId);
      this.usage.setupMinutes += job?.setupMinutes ?? 0;
    }
  }
}
