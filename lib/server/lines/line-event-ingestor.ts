import { protocolError, type EventAck, type LineEvent } from "@/lib/core/line-protocol";
import { clock } from "../clock";
import { logger } from "../logger";
import { emitOutboxRows, type OutboxRow } from "../realtime/emit-outbox-rows";
import { socketFanout, socketServer } from "../realtime/live-hub";
import { nudgeOutbox } from "../realtime/outbox";
import { commitVerifiedLineEvents, decideOnRemembered, type DecidedLine } from "./commit-verified-line-events";
import type { IncomingEvent } from "./decide-line-batch";
import { emitOutboxNow } from "./emit-outbox-now";
import { LineStateCache } from "./line-state-cache";
import { persistLineEvents, persistSteps, readLineForCache, step } from "./persist-line-events";

const MAX_BATCH = 2_000;
// With concurrent flushes, each takes a share of the lines, so the others have lines to take.
const LINES_PER_CONCURRENT_FLUSH = 25;

// AGENT_INGEST_TRACE=1 prints flush figures every 2 s (for tuning; off by default).
const trace = { flushes: 0, events: 0, ms: 0, queued: 0, locked: 0, moved: 0, waits: [] as number[] };
const tracing = process.env.AGENT_INGEST_TRACE === "1";
if (tracing) {
  setInterval(() => {
    if (trace.flushes === 0) return;
    console.error(`ingest: ${trace.flushes} flushes, ${trace.events} events (${(trace.events / trace.flushes).toFixed(0)}/flush), ${(trace.ms / trace.flushes).toFixed(1)} ms/flush, ${trace.queued} waiting; lines locked ${trace.locked}, moved ${trace.moved}`);
    console.error(`ingest steps (ms): ${Object.entries(persistSteps).map(([name, ms]) => `${name}=${ms.toFixed(0)}`).join(" ")}`);
    const waits = trace.waits.sort((a, b) => a - b);
    console.error(`ingest: submit → ack p50 ${waits[Math.floor(waits.length / 2)]?.toFixed(1)} ms, p95 ${waits[Math.floor(waits.length * 0.95)]?.toFixed(1)} ms`);
    for (const name of Object.keys(persistSteps)) delete persistSteps[name];
    Object.assign(trace, { flushes: 0, events: 0, ms: 0, locked: 0, moved: 0, waits: [] });
  }, 2_000).unref();
}

type Pending = IncomingEvent & { reply: (ack: EventAck) => void; canPersist: () => boolean };

/**
 * Group commit for agent events. Events wait while earlier transactions run, then go together
 * in the next one: at low load each event commits alone within a tick, under load the batches
 * grow with it and the per-event cost falls. Up to `concurrency` transactions run at once (on
 * PostgreSQL, to overlap round trips), each over lines no other one holds, so every line's
 * events still commit in arrival order. Acks are sent only after commit ("persist, then ack").
 */
export class LineEventIngestor {
  private queue: Pending[] = [];
  private running = 0;
  private readonly busyLines = new Set<string>();
  private scheduled = false;
  private readonly cache = new LineStateCache();

  constructor(
    private readonly maxFutureSkewMs: () => number,
    private readonly concurrency = 1,
  ) {}

  submit(lineId: string, event: LineEvent, options: { reply: (ack: EventAck) => void; canPersist: () => boolean }): void {
    if (tracing) {
      const submitted = performance.now();
      const { reply } = options;
      options = { ...options, reply: (ack) => (trace.waits.push(performance.now() - submitted), reply(ack)) };
    }
    this.queue.push({ lineId, event, ...options });
    this.schedule();
  }

  /** Starts remembering a line (its agent was just born), so its first events take the fast path. */
  async prime(lineId: string): Promise<void> {
    if (this.cache.line(lineId)) return;
    try {
      const { lines, jobs } = await readLineForCache(lineId);
      // A flush that remembered the line meanwhile knows better.
      if (!this.cache.line(lineId)) this.cache.remember(lines, jobs);
    } catch (error) {
      logger.warn({ err: error, lineId }, "could not read a line for the event cache");
    }
  }

  /** Resolves when everything submitted so far is persisted and acked (shutdown, tests). */
  async drain(): Promise<void> {
    while (this.running > 0 || this.queue.length > 0 || this.scheduled) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  private schedule(): void {
    if (this.scheduled || this.running >= this.concurrency) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.startFlush();
    });
  }

  /** Takes the queued events of lines no running flush holds (a line's events stay together, in order). */
  private startFlush(): void {
    const taken: Pending[] = [];
    const waiting: Pending[] = [];
    const takenLines = new Set<string>();
    // A line another flush holds waits whole; so does a line that would start past the batch limit.
    const blocked = new Set(this.busyLines);
    for (const item of this.queue) {
      const full = taken.length >= MAX_BATCH || (this.concurrency > 1 && takenLines.size >= LINES_PER_CONCURRENT_FLUSH);
      if (blocked.has(item.lineId) || (!takenLines.has(item.lineId) && full)) {
        blocked.add(item.lineId);
        waiting.push(item);
        continue;
      }
      taken.push(item);
      takenLines.add(item.lineId);
    }
    if (taken.length === 0) return;
    this.queue = waiting;
    for (const lineId of takenLines) this.busyLines.add(lineId);
    this.running++;
    void this.flush(taken).finally(() => {
      for (const lineId of takenLines) this.busyLines.delete(lineId);
      this.running--;
      if (this.queue.length > 0) this.schedule();
    });
    if (this.queue.length > 0) this.schedule();
  }

  private async flush(taken: Pending[]): Promise<void> {
    const started = performance.now();
    trace.flushes++;
    trace.events += taken.length;
    // A line that must resend from an earlier seq gets nothing stored past it (order first).
    const batch: Pending[] = [];
    for (const item of taken) {
      if (item.canPersist()) batch.push(item);
      else item.reply({ ok: false, seq: item.event.seq, error: protocolError("RESEND_REQUIRED") });
    }
    if (batch.length > 0) await this.persist(batch);
    trace.ms += performance.now() - started;
    trace.queued = this.queue.length;
  }

  /**
   * The lines whose state this process remembers go through one verified statement; the others
   * (and those whose state had moved) through the locked transaction. Each part is acked as soon
   * as it commits.
   */
  private async persist(batch: Pending[]): Promise<void> {
    const now = clock.now();
    const context = { now, maxFutureSkewMs: this.maxFutureSkewMs() };
    const dispatched = emitsInline();
    const byLine = new Map<string, Pending[]>();
    for (const item of batch) {
      const items = byLine.get(item.lineId);
      if (items) items.push(item);
      else byLine.set(item.lineId, [item]);
    }
    const remembered: Array<DecidedLine & { items: Pending[] }> = [];
    const locked: Pending[][] = [];
    for (const items of byLine.values()) {
      const line = decideOnRemembered(items, this.cache, context);
      if (!line) locked.push(items);
      else if (line.decision.rows.length === 0) items.forEach((item, index) => item.reply(line.decision.acks[index]!)); // duplicates only: nothing to store
      else remembered.push({ ...line, items });
    }
    if (remembered.length > 0) {
      const t = performance.now();
      try {
        const commit = await commitVerifiedLineEvents(remembered, now, dispatched);
        step("verified", t);
        for (const line of remembered) {
          if (!commit.committed.has(line.before.id)) {
            trace.moved++;
            this.cache.forgetLine(line.before.id);
            locked.push(line.items);
            continue;
          }
          this.cache.remember([line.decision.lines.get(line.before.id)!], line.jobsBefore.map((job) => line.decision.jobs.get(job.id)!));
          line.items.forEach((item, index) => item.reply(line.decision.acks[index]!));
        }
        this.emit(commit.outbox, dispatched);
      } catch (error) {
        logger.warn({ err: error, lines: remembered.length }, "verified event batch failed; taking the locked path");
        for (const line of remembered) {
          this.cache.forgetLine(line.before.id);
          locked.push(line.items);
        }
      }
    }
    if (locked.length > 0) await this.persistLocked(locked, dispatched);
  }

  private async persistLocked(lines: Pending[][], dispatched: boolean): Promise<void> {
    trace.locked += lines.length;
    try {
      await this.persistLockedTogether(lines.flat(), dispatched);
    } catch (error) {
      // One line's poison must not stall the others: retry line by line, then give up on those.
      logger.warn({ err: error, events: lines.length }, "event batch failed; retrying line by line");
      for (const items of lines) {
        try {
          await this.persistLockedTogether(items, dispatched);
        } catch (lineError) {
          logger.error({ err: lineError, lineId: items[0]!.lineId, events: items.length }, "could not persist a line's events");
          this.cache.forgetLine(items[0]!.lineId);
          for (const item of items) item.reply({ ok: false, seq: item.event.seq, error: protocolError("PERSIST_FAILED") });
        }
      }
    }
  }

  private async persistLockedTogether(batch: Pending[], dispatched: boolean): Promise<void> {
    const persisted = await persistLineEvents(batch, this.maxFutureSkewMs(), { dispatched });
    this.cache.remember(persisted.lines.values(), persisted.jobs);
    batch.forEach((item, index) => item.reply(persisted.acks[index]!));
    this.emit(persisted.outbox, dispatched);
  }

  /** After commit: rows already marked dispatched go out now; others through a claim (emit-outbox-now.ts). */
  private emit(rows: OutboxRow[], dispatched: boolean): void {
    if (rows.length === 0) return;
    const io = socketServer();
    if (dispatched && io) void emitOutboxRows(io, undefined, rows);
    else void emitOutboxNow(rows.map((row) => row.id)).then(nudgeOutbox);
  }
}

/**
 * Whether this process may mark its line events' outbox rows dispatched in the transaction that
 * writes them, and emit them right after commit: when it works alone (no Redis fan-out), the only
 * sockets to reach are its own, and a crash between commit and emit loses nothing a browser
 * keeps — its socket dies with the process, and browsers refetch on reconnect. With other
 * processes, rows are claimed after commit and marked only once the fan-out has them.
 */
function emitsInline(): boolean {
  return socketServer() !== undefined && socketFanout() === undefined;
}
