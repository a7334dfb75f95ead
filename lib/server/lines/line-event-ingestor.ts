import { protocolError, type EventAck, type LineEvent } from "@/lib/core/line-protocol";
import { logger } from "../logger";
import { nudgeOutbox } from "../realtime/outbox";
import { emitOutboxNow } from "./emit-outbox-now";
import { persistLineEvents, persistSteps, type IncomingEvent } from "./persist-line-events";

const MAX_BATCH = 2_000;
// With concurrent flushes, each takes a share of the lines, so the others have lines to take.
const LINES_PER_CONCURRENT_FLUSH = 25;

// AGENT_INGEST_TRACE=1 prints flush figures every 2 s (for tuning; off by default).
const trace = { flushes: 0, events: 0, ms: 0, queued: 0 };
if (process.env.AGENT_INGEST_TRACE === "1") {
  setInterval(() => {
    if (trace.flushes === 0) return;
    console.error(`ingest: ${trace.flushes} flushes, ${trace.events} events (${(trace.events / trace.flushes).toFixed(0)}/flush), ${(trace.ms / trace.flushes).toFixed(1)} ms/flush, ${trace.queued} waiting`);
    console.error(`ingest steps (ms): ${Object.entries(persistSteps).map(([name, ms]) => `${name}=${ms.toFixed(0)}`).join(" ")}`);
    for (const name of Object.keys(persistSteps)) delete persistSteps[name];
    Object.assign(trace, { flushes: 0, events: 0, ms: 0 });
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

  constructor(
    private readonly maxFutureSkewMs: () => number,
    private readonly concurrency = 1,
  ) {}

  submit(lineId: string, event: LineEvent, options: { reply: (ack: EventAck) => void; canPersist: () => boolean }): void {
    this.queue.push({ lineId, event, ...options });
    this.schedule();
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
    if (batch.length === 0) return;
    try {
      await this.persist(batch);
    } catch (error) {
      // One line's poison must not stall the others: retry line by line, then give up on those.
      logger.warn({ err: error, events: batch.length }, "event batch failed; retrying line by line");
      const byLine = new Map<string, Pending[]>();
      for (const item of batch) byLine.set(item.lineId, [...(byLine.get(item.lineId) ?? []), item]);
      for (const [lineId, items] of byLine) {
        try {
          await this.persist(items);
        } catch (lineError) {
          logger.error({ err: lineError, lineId, events: items.length }, "could not persist a line's events");
          for (const item of items) item.reply({ ok: false, seq: item.event.seq, error: protocolError("PERSIST_FAILED") });
        }
      }
    }
    trace.ms += performance.now() - started;
    trace.queued = this.queue.length;
  }

  private async persist(batch: Pending[]): Promise<void> {
    const { acks, outboxIds } = await persistLineEvents(batch, this.maxFutureSkewMs());
    batch.forEach((item, index) => item.reply(acks[index]!));
    if (outboxIds.length > 0) {
      void emitOutboxNow(outboxIds).then(nudgeOutbox);
    }
  }
}
