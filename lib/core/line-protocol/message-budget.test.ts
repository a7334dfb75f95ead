import { describe, expect, it } from "vitest";
import { MessageBudget } from "./message-budget";

describe("MessageBudget", () => {
  it("allows a burst of the per-second budget, then refuses until tokens refill", () => {
    const budget = new MessageBudget(10, 0);
    for (let i = 0; i < 10; i++) expect(budget.take(0).allowed).toBe(true);
    expect(budget.take(0)).toEqual({ allowed: false, retryAfterMs: 100 });
    expect(budget.take(100).allowed).toBe(true);
    expect(budget.take(100).allowed).toBe(false);
  });
  it("never accumulates more than one second's budget", () => {
    const budget = new MessageBudget(5, 0);
    let allowed = 0;
    for (let i = 0; i < 20; i++) if (budget.take(60_000).allowed) allowed++;
    expect(allowed).toBe(5);
  });
});
