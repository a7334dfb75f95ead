import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { LineEventSchema, type LineEvent } from "../../lib/core/line-protocol";

/**
 * The agent's store-and-forward log: every event is appended (one JSON line) and fsynced
 * before it is sent, so a crash or a network cut loses nothing. Acked events are dropped from
 * memory at once and from the file at the next compaction (rewrite to a temporary file, fsync,
 * atomic rename). A torn last line (a crash mid-write) is ignored: it was never sent.
 */
export class EventStore {
  private pending: LineEvent[] = [];
  private handle: FileHandle | null = null;
  private writes: Promise<void> = Promise.resolve();
  private settledSinceCompaction = 0;
  private idleCompaction: NodeJS.Timeout | null = null;

  private constructor(
    private readonly file: string,
    private readonly compactEvery: number,
    private readonly beforeCompact: () => void,
  ) {}

  static async open(file: string, options: { compactEvery?: number; beforeCompact?: () => void } = {}): Promise<EventStore> {
    const store = new EventStore(file, options.compactEvery ?? 1_000, options.beforeCompact ?? (() => {}));
    if (existsSync(file)) {
      const bySeq = new Map<number, LineEvent>();
      for (const line of readFileSync(file, "utf8").split("\n")) {
        if (!line.trim()) continue;
        try {
          const parsed = LineEventSchema.safeParse(JSON.parse(line));
          if (parsed.success) bySeq.set(parsed.data.seq, parsed.data);
        } catch {
          // the torn tail of a crash: never fsynced, so never sent
        }
      }
      store.pending = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
    }
    store.handle = await open(file, "a");
    return store;
  }

  /** Unacked events, oldest first. */
  events(): readonly LineEvent[] {
    return this.pending;
  }

  highestSeq(): number {
    return this.pending.at(-1)?.seq ?? 0;
  }

  /** Appends and fsyncs; resolves when the events are durable. */
  append(events: LineEvent[]): Promise<void> {
    if (events.length === 0) return this.writes;
    this.pending.push(...events);
    const text = events.map((event) => JSON.stringify(event)).join("\n") + "\n";
    this.writes = this.writes.then(async () => {
      await this.handle!.appendFile(text, "utf8");
      await this.handle!.sync();
    });
    return this.writes;
  }

  /** Forgets events the server has stored (ack) or will never store (final refusal). */
  settle(seqs: Iterable<number>, options: { compactNow?: boolean } = {}): Promise<void> {
    const settled = new Set(seqs);
    if (settled.size === 0) return this.writes;
    const before = this.pending.length;
    this.pending = this.pending.filter((event) => !settled.has(event.seq));
    this.settledSinceCompaction += before - this.pending.length;
    if (options.compactNow || this.settledSinceCompaction >= this.compactEvery) return this.compact();
    // Caught up: shrink the file once things are quiet, not after every ack.
    if (this.pending.length === 0 && !this.idleCompaction) {
      this.idleCompaction = setTimeout(() => {
        this.idleCompaction = null;
        if (this.pending.length === 0 && this.settledSinceCompaction > 0 && this.handle) void this.compact();
      }, 1_000);
      this.idleCompaction.unref();
    }
    return this.writes;
  }

  /** Settles every event up to and including `seq` (what the server says it has stored). */
  settleUpTo(seq: number): Promise<void> {
    return this.settle(this.pending.filter((event) => event.seq <= seq).map((event) => event.seq));
  }

  compact(): Promise<void> {
    this.writes = this.writes.then(async () => {
      if (!this.handle) return;
      this.settledSinceCompaction = 0;
      this.beforeCompact();
      const temporary = `${this.file}.tmp`;
      const text = this.pending.map((event) => JSON.stringify(event) + "\n").join("");
      writeFileSync(temporary, text, "utf8");
      const fd = openSync(temporary, "r+");
      fsyncSync(fd);
      closeSync(fd);
      await this.handle!.close();
      renameSync(temporary, this.file);
      syncDirectory(path.dirname(this.file));
      this.handle = await open(this.file, "a");
    });
    return this.writes;
  }

  async close(): Promise<void> {
    if (this.idleCompaction) clearTimeout(this.idleCompaction);
    await this.writes;
    await this.handle?.close();
    this.handle = null;
  }
}

/** A rename is durable only once its directory is synced. */
export function syncDirectory(directory: string): void {
  try {
    const fd = openSync(directory, "r");
    fsyncSync(fd);
    closeSync(fd);
  } catch {
    // some platforms cannot open directories; the rename is still atomic there
  }
}
