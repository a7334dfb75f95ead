/**
 * A token bucket per agent connection: `perSecond` messages a second on average, bursts up to
 * the same number. Constant time and memory per message (the hot path of every event), with
 * time passed in.
 */
export class MessageBudget {
  private tokens: number;
  private updatedMs: number;

  constructor(
    private readonly perSecond: number,
    nowMs: number,
  ) {
    this.tokens = perSecond;
    this.updatedMs = nowMs;
  }

  /** Spends `count` tokens (one per event of a batch); when too few are left, says how long until they are. */
  take(nowMs: number, count = 1): { allowed: true } | { allowed: false; retryAfterMs: number } {
    const elapsed = Math.max(0, nowMs - this.updatedMs);
    this.tokens = Math.min(this.perSecond, this.tokens + (elapsed * this.perSecond) / 1000);
    this.updatedMs = nowMs;
    if (this.tokens >= count) {
      this.tokens -= count;
      return { allowed: true };
    }
    return { allowed: false, retryAfterMs: Math.ceil(((Math.min(count, this.perSecond) - this.tokens) * 1000) / this.perSecond) };
  }
}
