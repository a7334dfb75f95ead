import { protocolError, type EventAck, type LineEvent } from "@/lib/core/line-protocol";
import { logger } from "../logger";
import { nudgeOutbox } from "../realtime/outbox";
import { emitOutboxNow } from "./emit-outbox-now";
import { persistLineEvents, type IncomingEvent } from "./persist-line-events";

const MAX_BATCH = 2_000;

type Pending = IncomingEvent & { reply: (ack: EventAck) => void; canPersist: () => boolean };

/**
 * Group commit for agent events. Events wait while the previous transaction runs, then go
 * together in the next one: at low load each event commits alone within a tick, under load the
 * batches grow with it and the per-event cost falls. One flush at a time keeps every line's
 * events in arrival order. Acks are sent only after commit ("persist, then ack").
 */
export class LineEventIngestor {
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private scheduled = false;

  constructor(private readonly maxFutureSkewMs: () => number) {}

  submit(lineId: string, event: LineEvent, options: { reply: (ack: EventAck) => void; canPersist: () => boolean }): void {
    this.queue.push({ lineId, event, ...options });
    this.schedule();
  }

  /** Resolves when everything submitted so far is persisted and acked (shutdown, tests). */
  async drain(): Promise<void> {
    while (this.flushing || this.queue.length > 0 || this.scheduled) {
      if (this.flushing) await this.flushing;
      else await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flushing = this.flush().finally(() => {
        this.flushing = null;
        if (this.queue.length > 0) this.schedule();
      });
    });
  }

  private async flush(): Promise<void> {
    const taken = this.queue.splice(0, MAX_BATCH);
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
  }

  private async persist(batch: Pending[]): Promise<void> {
    const { acks, outboxIds } = await persistLineEvents(batch, this.maxFutureSkewMs());
    batch.forEach((item, index) => item.reply(acks[index]!));
    if (outboxIds.length > 0) {
      void emitOutboxNow(outboxIds).then(nudgeOutbox);
    }
  }
}
