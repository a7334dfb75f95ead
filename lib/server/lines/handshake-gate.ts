/**
 * At most `limit` agent handshakes (or births) at a time. After a server restart every line's
 * agent reconnects at once; each handshake writes an audit entry, and audit entries append to
 * one hash chain under one lock — without a gate, a hundred of them would hold every database
 * connection waiting for that lock and starve everything else (events, pages).
 */
export class HandshakeGate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await work();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}
