/**
 * A sliding-window counter per key: at most `limit` hits in any `windowMs`. Pure (time is
 * passed in), bounded in memory (`maxKeys`, least recently used keys go first).
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Records a hit; returns whether it is allowed and, if not, when to retry. */
  hit(key: string, nowMs: number): { allowed: boolean; retryAfterMs: number } {
    const recent = (this.hits.get(key) ?? []).filter((at) => at > nowMs - this.windowMs);
    this.hits.delete(key);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return { allowed: false, retryAfterMs: recent[0]! + this.windowMs - nowMs };
    }
    recent.push(nowMs);
    this.hits.set(key, recent);
    if (this.hits.size > this.maxKeys) {
      const oldest = this.hits.keys().next().value;
      if (oldest !== undefined) this.hits.delete(oldest);
    }
    return { allowed: true, retryAfterMs: 0 };
  }

  /** Hits counted for a key right now, without recording one. */
  count(key: string, nowMs: number): number {
    return (this.hits.get(key) ?? []).filter((at) => at > nowMs - this.windowMs).length;
  }

  reset(key: string): void {
    this.hits.delete(key);
  }
}
