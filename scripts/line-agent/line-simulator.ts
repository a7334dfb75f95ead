import type { CommandReply, LineCommandMessage, LineQueue, LineStatusValue, QueueJob } from "../../lib/core/line-protocol";
import type { AgentLink, NewEvent } from "./agent-link";

export type FaultOptions = {
  /** Share of units that come out as scrap (and are made again), 0–1. */
  scrapRate: number;
  /** Mean simulated minutes between breakdowns while running; 0 = never. */
  breakdownEveryMinutes: number;
  /** Simulated minutes a breakdown lasts. */
  breakdownMinutes: number;
  /** Mean real seconds between network cuts; 0 = never. */
  disconnectEverySeconds: number;
  /** Real seconds a network cut lasts. */
  disconnectSeconds: number;
  /** Actual pace against the ideal cycle time, 0–1 (1 = exactly as planned). */
  performance: number;
};

export type SimulatorOptions = FaultOptions & {
  /** Simulated ms per real ms. */
  timeScale: number;
  tickMs: number;
  /** Simulated seconds between progress reports. */
  progressEverySeconds: number;
  random?: () => number;
};

type CurrentJob = { job: QueueJob; good: number; scrap: number; unitElapsedMs: number; sinceProgressMs: number; held: boolean; brokenDown: boolean };

const BREAKDOWN_CAUSES = ["conveyor jam", "sensor fault", "tool wear", "air pressure low", "safety stop"];

/**
 * A line that "runs" its queue: takes the next job allowed to start, makes its units at the
 * line's pace in (optionally accelerated) simulated time, reports progress, and obeys planner
 * commands — with injectable faults for demos and tests (breakdowns, scrap, network cuts).
 */
export class LineSimulator {
  private current: CurrentJob | null = null;
  private status: LineStatusValue | null = null;
  private downRemainingMs = 0;
  private finished = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private fallback: NodeJS.Timeout | null = null;
  /** Nothing runs until the line knows where it stands (see `initialize`). */
  private initialized = false;
  private readonly random: () => number;

  constructor(
    private readonly link: AgentLink,
    private readonly options: SimulatorOptions,
  ) {
    this.random = options.random ?? Math.random;
    link.onCommand((command) => this.command(command));
    link.on("queue", (queue: LineQueue) => (this.initialized ? this.adoptQueue(queue) : this.initialize(queue)));
  }

  /**
   * Starts the line. It first waits for the server's queue (sent after birth), which holds what
   * the server stored; a server that stays unreachable for `offlineStartMs` leaves the line to
   * run on the queue it saved last. Either way the agent's own unacked events are laid over it.
   */
  start(offlineStartMs = 30_000): void {
    this.timer = setInterval(() => this.tick(this.options.tickMs), this.options.tickMs);
    this.timer.unref();
    this.fallback = setTimeout(() => !this.initialized && this.link.queue && this.initialize(this.link.queue), offlineStartMs);
    this.fallback.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.fallback) clearTimeout(this.fallback);
    this.timer = null;
  }

  /** The server's view of the queue plus what this agent reported and the server has not stored yet. */
  private initialize(queue: LineQueue): void {
    this.initialized = true;
    const views = new Map(queue.jobs.map((job) => [job.id, { state: job.state as string, good: job.goodCount, scrap: job.scrapCount, held: job.state === "interrupted" }]));
    for (const event of this.link.unacked()) {
      if (event.type === "status") continue;
      const view = views.get(event.jobId);
      if (!view) continue;
      if (event.type === "job_completed" || event.type === "job_failed") this.finished.add(event.jobId);
      else if (event.type === "job_started" || event.type === "job_resumed") Object.assign(view, { state: "running", held: false });
      else if (event.type === "job_interrupted") Object.assign(view, { state: "interrupted", held: event.reason.startsWith("paused") });
      else if (event.type === "job_progress") Object.assign(view, { good: Math.max(view.good, event.good), scrap: Math.max(view.scrap, event.scrap) });
    }
    const underway = queue.jobs.find((job) => !this.finished.has(job.id) && ["running", "interrupted"].includes(views.get(job.id)!.state));
    if (underway) {
      const view = views.get(underway.id)!;
      // A breakdown's interruption ends with the restart; a planner's pause holds until resumed.
      this.current = { job: underway, good: view.good, scrap: view.scrap, unitElapsedMs: 0, sinceProgressMs: 0, held: view.held, brokenDown: view.state === "interrupted" && !view.held };
      if (this.current.brokenDown) {
        this.current.brokenDown = false;
        this.emit([{ type: "job_resumed", jobId: underway.id }]);
      }
      this.setStatus(view.held ? "idle" : "running", view.held ? "job paused" : undefined);
    }
  }

  /** Advances the line by `realMs` of real time. */
  tick(realMs: number): void {
    if (!this.initialized) return;
    const simulatedMs = realMs * this.options.timeScale;
    this.maybeDropConnection(realMs);
    if (this.downRemainingMs > 0) {
      this.downRemainingMs -= simulatedMs;
      if (this.downRemainingMs <= 0) this.repair();
      return;
    }
    const current = this.current;
    if (!current) return this.startNext(null);
    if (current.held) return;
    if (this.options.breakdownEveryMinutes > 0 && this.random() < simulatedMs / (this.options.breakdownEveryMinutes * 60_000)) return this.breakDown();
    this.advance(current, simulatedMs);
  }

  private advance(current: CurrentJob, simulatedMs: number): void {
    const queue = this.link.queue;
    const speed = queue?.speed ?? 1;
    const idealUnitMs = (Math.max(current.job.minutes, 1) * 60_000) / current.job.quantity / speed;
    const unitMs = idealUnitMs / Math.min(Math.max(this.options.performance, 0.05), 1);
    current.unitElapsedMs += simulatedMs;
    current.sinceProgressMs += simulatedMs;
    let unitsChanged = false;
    while (current.unitElapsedMs >= unitMs && current.good < current.job.quantity) {
      current.unitElapsedMs -= unitMs;
      if (this.random() < this.options.scrapRate) current.scrap++;
      else current.good++;
      unitsChanged = true;
    }
    if (current.good >= current.job.quantity) {
      this.finished.add(current.job.id);
      this.current = null;
      this.emit([{ type: "job_completed", jobId: current.job.id, good: current.good, scrap: current.scrap }]);
      this.startNext(null);
      return;
    }
    if (unitsChanged || current.sinceProgressMs >= this.options.progressEverySeconds * 1_000) {
      current.sinceProgressMs = 0;
      const percent = Math.min(99.9, ((current.good + current.unitElapsedMs / unitMs) / current.job.quantity) * 100);
      this.emit([{ type: "job_progress", jobId: current.job.id, percent: Math.round(percent * 10) / 10, good: current.good, scrap: current.scrap }]);
    }
  }

  private startNext(correlationId: string | null, jobId?: string): void {
    const next = this.link.queue?.jobs.find((job) => !this.finished.has(job.id) && job.state === "allowed_to_start" && (jobId === undefined || job.id === jobId));
    if (!next) {
      this.setStatus("idle", "queue empty");
      return;
    }
    this.current = { job: next, good: next.goodCount, scrap: next.scrapCount, unitElapsedMs: 0, sinceProgressMs: 0, held: false, brokenDown: false };
    this.emit([{ type: "job_started", jobId: next.id, ...(correlationId ? { correlationId } : {}) }]);
    this.setStatus("running");
  }

  private breakDown(): void {
    const cause = BREAKDOWN_CAUSES[Math.floor(this.random() * BREAKDOWN_CAUSES.length)]!;
    this.downRemainingMs = this.options.breakdownMinutes * 60_000;
    if (this.current && !this.current.held) {
      this.current.brokenDown = true;
      this.emit([{ type: "job_interrupted", jobId: this.current.job.id, reason: `breakdown: ${cause}` }]);
    }
    this.setStatus("down", `breakdown: ${cause}`);
  }

  private repair(): void {
    this.downRemainingMs = 0;
    if (this.current?.brokenDown) {
      this.current.brokenDown = false;
      this.emit([{ type: "job_resumed", jobId: this.current.job.id }]);
      this.setStatus("running");
    } else this.setStatus(this.current && !this.current.held ? "running" : "idle", this.current?.held ? "job paused" : undefined);
  }

  /** A new queue replaces the old one; a job already under way on the line carries on. */
  private adoptQueue(queue: LineQueue): void {
    if (this.current || this.downRemainingMs > 0) return;
    if (queue.jobs.some((job) => job.state === "allowed_to_start" && !this.finished.has(job.id))) this.startNext(null);
  }

  private command(command: LineCommandMessage): CommandReply {
    const reject = (reason: Extract<CommandReply, { outcome: "rejected" }>["reason"], message: string): CommandReply => ({ correlationId: command.correlationId, outcome: "rejected", reason, message });
    const accept = (effect: () => void): CommandReply => {
      // Carry the command out right after the acceptance has been answered.
      setImmediate(effect);
      return { correlationId: command.correlationId, outcome: "accepted" };
    };
    const correlationId = command.correlationId;
    const current = this.current;
    switch (command.kind) {
      case "resync":
        return accept(() => void this.link.rebirth().then(() => this.emit([{ type: "status", status: this.status ?? "idle", correlationId }])));
      case "start": {
        if (this.downRemainingMs > 0) return reject("LINE_DOWN", "The line is down.");
        if (current) return reject("ANOTHER_JOB_RUNNING", `Job ${current.job.code} is on the line.`);
        const known = this.link.queue?.jobs.some((job) => job.id === command.jobId && job.state === "allowed_to_start" && !this.finished.has(job.id));
        if (!known) return reject("JOB_NOT_IN_QUEUE", "That job is not waiting in this line's queue.");
        return accept(() => this.startNext(correlationId, command.jobId!));
      }
      case "pause":
        if (!current || current.job.id !== command.jobId || current.held) return reject("JOB_NOT_RUNNING", "That job is not running here.");
        return accept(() => {
          current.held = true;
          this.emit([{ type: "job_interrupted", jobId: current.job.id, reason: "paused by planner", correlationId }]);
          this.setStatus("idle", "job paused");
        });
      case "resume":
        if (!current || current.job.id !== command.jobId || !current.held) return reject("JOB_NOT_INTERRUPTED", "That job is not paused here.");
        if (this.downRemainingMs > 0) return reject("LINE_DOWN", "The line is down.");
        return accept(() => {
          current.held = false;
          this.emit([{ type: "job_resumed", jobId: current.job.id, correlationId }]);
          this.setStatus("running");
        });
      case "abort": {
        if (current && current.job.id === command.jobId) {
          return accept(() => {
            this.finished.add(current.job.id);
            this.current = null;
            this.emit([{ type: "job_failed", jobId: current.job.id, reason: "aborted by planner", good: current.good, scrap: current.scrap, correlationId }]);
            if (this.downRemainingMs <= 0) this.startNext(null);
          });
        }
        const waiting = this.link.queue?.jobs.find((job) => job.id === command.jobId && job.state === "allowed_to_start" && !this.finished.has(job.id));
        if (!waiting) return reject("JOB_NOT_IN_QUEUE", "That job is not in this line's queue.");
        return accept(() => {
          this.finished.add(waiting.id);
          this.emit([{ type: "job_failed", jobId: waiting.id, reason: "aborted by planner", correlationId }]);
        });
      }
    }
  }

  private setStatus(status: LineStatusValue, reason?: string): void {
    if (this.status === status) return;
    this.status = status;
    this.emit([{ type: "status", status, ...(reason ? { reason } : {}) }]);
  }

  private emit(events: NewEvent[]): void {
    void this.link.publish(events);
  }

  private maybeDropConnection(realMs: number): void {
    const every = this.options.disconnectEverySeconds;
    if (every > 0 && this.random() < realMs / (every * 1_000)) this.link.dropConnection(this.options.disconnectSeconds * 1_000);
  }
}
