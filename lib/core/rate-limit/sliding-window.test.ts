import { describe, expect, it } from "vitest";
import { SlidingWindowLimiter } from "./sliding-window";

describe("sliding window limiter", () => {
  it("allows `limit` hits per window and says when to retry", () => {
    const limiter = new SlidingWindowLimiter(3, 1_000);
    expect(limiter.hit("a", 0).allowed).toBe(true);
    expect(limiter.hit("a", 100).allowed).toBe(true);
    expect(limiter.hit("a", 200).allowed).toBe(true);
    expect(limiter.hit("a", 300)).toEqual({ allowed: false, retryAfterMs: 700 });
    expect(limiter.hit("b", 300).allowed).toBe(true);
    expect(limiter.hit("a", 1_001).allowed).toBe(true);
  });
  it("forgets the least recently used key past maxKeys", () => {
    const limiter = new SlidingWindowLimiter(1, 1_000, 2);
    limiter.hit("a", 0);
    limiter.hit("b", 0);
    limiter.hit("c", 0);
    expect(limiter.count("a", 0)).toBe(0);
    expect(limiter.count("c", 0)).toBe(1);
  });
});
