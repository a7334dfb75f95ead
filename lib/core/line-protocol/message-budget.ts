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

  /** Spends one token; when none is left, says how long until one is. */
  take(nowMs: number): { allowed: true } | { allowed: false; retryAfterMs: number } {
    const elapsed = Math.max(0, nowMs - this.updatedMs);
    this.tokens = Math.min(this.perSecond, this.tokens + (elapsed * this.perSecond) / 1000);
    this.updatedMs = nowMs;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterMs: Math.ceil(((1 - this.tokens) * 1000) / this.perSecond) };
  }
}
